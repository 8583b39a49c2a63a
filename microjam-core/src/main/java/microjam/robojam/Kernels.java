// Which arithmetic path the kernel takes: the Vector API at the machine's preferred width, or plain
// scalar Java when -Dmicrojam.robojam.scalar=true (for checking, and for machines without SIMD).
// Both paths do the same IEEE operations in the same order, so they give the same bits.
package microjam.robojam;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

final class Kernels {
    static final boolean SCALAR = Boolean.getBoolean("microjam.robojam.scalar");
    /** null on the scalar path, which then never touches the Vector API (TeaVM, in the browser, has none). */
    static final VectorSpecies<Float> SPECIES = SCALAR ? null : FloatVector.SPECIES_PREFERRED;
    /** Floats per vector on the chosen path. */
    static final int LANES = SCALAR ? 1 : SPECIES.length();

    private Kernels() {
    }

    /**
     * a·b + c rounded once, as Math.fma, from double arithmetic only (TeaVM's Math has no fma, and
     * WebAssembly no fused multiply-add): a·b is exact in double, the sum is rounded to odd in double
     * (53 ≥ 2·24 + 2 bits), and rounding that to float is then the correctly rounded result. For the
     * scalar path; the vector path keeps FloatVector.fma.
     */
    static float fma(float a, float b, float c) {
        double p = (double) a * b, s = p + c;
        if (!Double.isFinite(s)) return (float) s;
        double t = s - p, error = (p - (s - t)) + (c - t); // the sum's rounding error, exactly (TwoSum)
        long bits = Double.doubleToRawLongBits(s);
        if (error != 0 && (bits & 1) == 0) s = Double.longBitsToDouble(bits + ((error > 0) == (s > 0) ? 1 : -1));
        return (float) s;
    }

    static String describe() {
        return SCALAR ? "scalar" : "Vector API, " + SPECIES.vectorBitSize() + "-bit (" + LANES + " floats)";
    }
}
