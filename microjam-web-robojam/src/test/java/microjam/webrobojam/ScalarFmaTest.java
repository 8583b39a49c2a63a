package microjam.webrobojam;

import microjam.webrobojam.fma.microjam.robojam.ScalarFma;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

// The browser's ScalarFma (the scalar path's fused multiply-add from doubles, for TeaVM) gives Math.fma's bits.
class ScalarFmaTest {
    @Test
    void sumsJustOffHalfwayBetweenTwoFloats() {
        // a·b = ±(2^-24 − 2^-70): a + b lands a hair off halfway between two floats, where rounding the double sum
        // to float would take the even neighbour, and the exact sum is nearer the odd one.
        float up = 0x1p-12f * (1 + 0x1p-23f), down = 0x1p-12f * (1 - 0x1p-23f);
        float[][] cases = {{up, down, 1 + 0x1p-23f}, {-up, down, 1 + 3 * 0x1p-23f}, {up, down, 1}, {-up, down, 1 + 0x1p-22f},
                {-up, -down, -(1 + 0x1p-23f)}, {up, -down, -(1 + 3 * 0x1p-23f)}};
        for (float[] c : cases)
            assertThat(Float.floatToRawIntBits(ScalarFma.fma(c[0], c[1], c[2]))).as("fma(%s, %s, %s)", c[0], c[1], c[2])
                    .isEqualTo(Float.floatToRawIntBits(Math.fma(c[0], c[1], c[2])));
        assertThat(ScalarFma.fma(up, down, 1 + 0x1p-23f)).isNotEqualTo((float) ((double) up * down + (1 + 0x1p-23f)));
    }

    @Test
    void sameBitsAsMathFma() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 5_000_000; i++) {
            float a = (float) random.nextGaussian(), b = (float) random.nextGaussian();
            // c near -a·b: cancellation and ties, where a double rounding would show
            float c = switch (i % 3) {
                case 0 -> (float) random.nextGaussian();
                case 1 -> -(a * b);
                default -> Math.ulp(a * b) * (random.nextInt(9) - 4) / 2 - a * b;
            };
            assertThat(Float.floatToRawIntBits(ScalarFma.fma(a, b, c))).as("fma(%s, %s, %s)", a, b, c)
                    .isEqualTo(Float.floatToRawIntBits(Math.fma(a, b, c)));
        }
    }
}
