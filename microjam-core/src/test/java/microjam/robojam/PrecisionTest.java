// float32 → bfloat16 rounds to the nearest bfloat16, ties to the even one, for either sign, and widening
// back is exact. Around 1.0 a bfloat16 step is 2^-7, so 1 + 2^-8 lies halfway between 1 and 1 + 2^-7.
package microjam.robojam;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrecisionTest {
    private static final float HALF_STEP = 0x1p-8f, TINY = 0x1p-20f;

    @Test
    void valuesAlreadyRepresentableStayExactlyAsTheyAre() {
        float subnormal = 0x1p-130f, largest = Float.intBitsToFloat(0x7F7F0000);
        for (float value : new float[]{0f, -0f, 1f, -1f, 1.5f, -2.75f, 0x1p-7f, 1 + 0x1p-7f, subnormal, largest, -largest})
            assertThat(Precision.fromBfloat16(Precision.toBfloat16(value))).as("%s", value).isEqualTo(value);
        assertThat(Precision.toBfloat16(1f)).isEqualTo((short) 0x3F80);
        assertThat(Precision.toBfloat16(-2f)).isEqualTo((short) 0xC000);
        assertThat(Precision.toBfloat16(-0f)).as("the sign of zero is kept").isEqualTo((short) 0x8000);
    }

    @Test
    void roundsToTheNearestAndTiesToEven() {
        assertThat(Precision.toBfloat16(1 + HALF_STEP - TINY)).as("below the tie: down").isEqualTo((short) 0x3F80);
        assertThat(Precision.toBfloat16(1 + HALF_STEP + TINY)).as("above the tie: up").isEqualTo((short) 0x3F81);
        assertThat(Precision.toBfloat16(1 + HALF_STEP)).as("tie between 0x3F80 and 0x3F81: the even one, down").isEqualTo((short) 0x3F80);
        assertThat(Precision.toBfloat16(1 + 3 * HALF_STEP)).as("tie between 0x3F81 and 0x3F82: the even one, up").isEqualTo((short) 0x3F82);
        assertThat(Precision.toBfloat16(Math.nextDown(2f))).as("a carry out of the mantissa moves to the next exponent").isEqualTo((short) 0x4000);
    }

    @Test
    void negativeValuesRoundByMagnitudeLikeTheirPositives() {
        assertThat(Precision.toBfloat16(-(1 + HALF_STEP - TINY))).isEqualTo((short) 0xBF80);
        assertThat(Precision.toBfloat16(-(1 + HALF_STEP + TINY))).isEqualTo((short) 0xBF81);
        assertThat(Precision.toBfloat16(-(1 + HALF_STEP))).isEqualTo((short) 0xBF80);
        assertThat(Precision.toBfloat16(-(1 + 3 * HALF_STEP))).isEqualTo((short) 0xBF82);
    }

    // Every finite float against the definition: no bfloat16 is nearer, and of two equally near the even one wins.
    @Test
    void randomFloatsGoToTheNearestBfloat16() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 1_000_000; i++) {
            float value = Float.intBitsToFloat(random.nextInt());
            if (!Float.isFinite(value) || Math.abs(value) > 3.3e38f) continue;
            short rounded = Precision.toBfloat16(value);
            int truncated = Float.floatToRawIntBits(value) >>> 16; // the neighbour toward zero; the other is one step further out
            double down = Math.abs((double) value - Precision.fromBfloat16((short) truncated));
            double up = Math.abs((double) value - Precision.fromBfloat16((short) (truncated + 1)));
            int expected = down < up ? truncated : up < down ? truncated + 1 : (truncated & 1) == 0 ? truncated : truncated + 1;
            assertThat(rounded).as("%s (bits %08x)", value, Float.floatToRawIntBits(value)).isEqualTo((short) expected);
        }
    }

    @Test
    void float32StoresEveryWeightAsItIsAndBfloat16WithinHalfItsStep() {
        SplittableRandom random = new SplittableRandom(12);
        for (int i = 0; i < 100_000; i++) {
            float weight = (float) random.nextDouble(-1, 1);
            assertThat(Precision.FLOAT32.stored(weight)).isEqualTo(weight);
            assertThat(Math.abs(Precision.BFLOAT16.stored(weight) - weight)).isLessThanOrEqualTo(Math.abs(weight) * 0x1p-8f);
        }
        assertThat(Precision.FLOAT32.bytesPerWeight()).isEqualTo(4);
        assertThat(Precision.BFLOAT16.bytesPerWeight()).isEqualTo(2);
    }

    @Test
    void aWeightBeyondBfloat16sRangeIsRefusedNotTurnedIntoInfinity() {
        float[][] parts = {{1f, Float.MAX_VALUE}};
        assertThat(PackedMatrix.pack(Precision.FLOAT32, 1, parts, new int[]{2}).cols).isEqualTo(2);
        assertThatThrownBy(() -> PackedMatrix.pack(Precision.BFLOAT16, 1, parts, new int[]{2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bfloat16's range");
    }

    @Test
    void labelsReadAndPrintInLowerCase() {
        assertThat(Precision.of("bfloat16")).isEqualTo(Precision.BFLOAT16);
        assertThat(Precision.of(" FLOAT32")).isEqualTo(Precision.FLOAT32);
        assertThat(Precision.BFLOAT16.label()).isEqualTo("bfloat16");
        assertThatThrownBy(() -> Precision.of("fp8")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fp8");
    }
}
