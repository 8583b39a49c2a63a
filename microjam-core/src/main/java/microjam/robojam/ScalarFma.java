// The scalar path's fused multiply-add: Math.fma, one rounding, as the vector path's FloatVector.fma.
// Its own class so that a runtime without Math.fma can put its own in its place: TeaVM (microjam-web-robojam)
// substitutes one computed from doubles that gives the same bits.
package microjam.robojam;

public final class ScalarFma {
    private ScalarFma() {
    }

    public static float fma(float a, float b, float c) {
        return Math.fma(a, b, c);
    }
}
