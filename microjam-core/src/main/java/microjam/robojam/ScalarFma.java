// The scalar path's fused multiply-add: Math.fma, one rounding, as the vector path's FloatVector.fma.
// Its own class so that a runtime without Math.fma can put its own in its place: TeaVM (microjam-web-robojam)
// substitutes a·b + c rounded twice, WebAssembly having no fused multiply-add (its ScalarFma says why not exact).
package microjam.robojam;

public final class ScalarFma {
    private ScalarFma() {
    }

    public static float fma(float a, float b, float c) {
        return Math.fma(a, b, c);
    }
}
