package microjam.robojam;

import microjam.performance.TouchCsv;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

// Kernels.fma (the scalar path's fused multiply-add from doubles, for TeaVM) gives Math.fma's bits.
class ScalarFmaTest {
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
            assertThat(Float.floatToRawIntBits(Kernels.fma(a, b, c))).as("fma(%s, %s, %s)", a, b, c)
                    .isEqualTo(Float.floatToRawIntBits(Math.fma(a, b, c)));
        }
    }
}
