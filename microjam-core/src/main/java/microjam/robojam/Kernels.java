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

    static String describe() {
        return SCALAR ? "scalar" : "Vector API, " + SPECIES.vectorBitSize() + "-bit (" + LANES + " floats)";
    }
}
