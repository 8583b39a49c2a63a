// The core's microjam.robojam.ScalarFma as TeaVM compiles it (NoVectorApi substitutes it): TeaVM's Math has no fma.
package microjam.webrobojam.fma.microjam.robojam;

public final class ScalarFma {
    private ScalarFma() {
    }

    /**
     * a·b + c rounded once, as Math.fma, from double arithmetic only (TeaVM's Math has no fma, and
     * WebAssembly no fused multiply-add). a·b is exact in double and s = a·b + c is the double nearest the
     * exact sum, which lies e (exactly: TwoSum) from it. Rounding s to float is right unless s is exactly
     * halfway between two floats (halfway points are doubles, so nothing else separates s from the exact
     * sum); then e says which neighbour the exact sum is nearer. No long arithmetic: that is slow in TeaVM.
     */
    public static float fma(float a, float b, float c) {
        double p = (double) a * b, s = p + c;
        float f = (float) s;
        double t = s - p, e = (p - (s - t)) + (c - t);
        double d = s - f; // exact
        if (e == 0 || d == 0) return f;
        double other = s + d; // f's other neighbour when s is halfway between them, exact
        if ((float) other != other) return f; // s is not halfway: f is right
        return (e > 0) == (d > 0) ? (float) other : f;
    }
}
