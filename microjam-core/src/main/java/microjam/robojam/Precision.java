// How the kernel stores its weight matrices. A lone step streams every weight once and is bound by
// memory bandwidth, so halving the bytes per weight (bfloat16) takes a lone step to a little over half
// its float32 time (README, Speed). Whatever the storage, the kernel widens each weight to float32 and
// accumulates in float32, in the same order.
//
// bfloat16 is the upper half of a float32: the same sign and 8-bit exponent, 7 bits of mantissa
// instead of 23, so every float32 weight has a nearest bfloat16 (relative error at most 2^-8, for
// normal numbers) and widening back is exact: the bits shifted left by 16.
package microjam.robojam;

import java.util.Locale;

public enum Precision {
    FLOAT32(Float.BYTES),
    BFLOAT16(Short.BYTES);

    private final int bytesPerWeight;

    Precision(int bytesPerWeight) {
        this.bytesPerWeight = bytesPerWeight;
    }

    public int bytesPerWeight() {
        return bytesPerWeight;
    }

    /** The weight as this precision stores it, widened back to float32: the value the kernel multiplies by. */
    public float stored(float weight) {
        return switch (this) {
            case FLOAT32 -> weight;
            case BFLOAT16 -> fromBfloat16(toBfloat16(weight));
        };
    }

    /** The lower-case name the command line reads and prints (float32, bfloat16). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a label (float32, bfloat16), ignoring case. */
    public static Precision of(String label) {
        for (Precision p : values()) if (p.label().equalsIgnoreCase(label.strip())) return p;
        throw new IllegalArgumentException("unknown precision " + label + " (float32 or bfloat16)");
    }

    /**
     * The bfloat16 nearest a finite float, ties to even: the upper 16 bits of the float32, rounded by the
     * 16 bits dropped. Adding 0x7FFF carries into the kept half exactly when the dropped half is above
     * 0x8000 (half an ulp of bfloat16); at exactly 0x8000 the kept half's lowest bit is added as well, so a
     * tie carries only from an odd kept half, which leaves it even. A carry out of the mantissa moves
     * to the next exponent, which is the right answer. The sign bit rides along untouched, so negative
     * values round by magnitude, as round-to-nearest-even does. NaN never occurs (Weights refuses
     * non-finite weights); a finite weight above bfloat16's largest (about 3.39e38) would round to infinity,
     * so packing refuses it.
     */
    public static short toBfloat16(float value) {
        int bits = Float.floatToRawIntBits(value);
        int roundingBias = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + roundingBias) >>> 16);
    }

    /** The float32 a bfloat16 stands for, exactly: its 16 bits become the upper half of the float's. */
    public static float fromBfloat16(short bits) {
        return Float.intBitsToFloat(bits << 16);
    }
}
