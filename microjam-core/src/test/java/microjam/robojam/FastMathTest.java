// The kernel's own exp, sigmoid and tanh are accurate, and the vector and scalar forms agree to the bit.
package microjam.robojam;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class FastMathTest {
    @Test
    void accurateToAFewUlpsOverTheUsefulRange() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            float x = (float) random.nextDouble(-80, 80);
            assertThat(Math.abs(FastMath.exp(x) / Math.exp(x) - 1)).as("exp(%s)", x).isLessThan(4e-7);
            assertThat(Math.abs(FastMath.sigmoid(x) - 1 / (1 + Math.exp(-x)))).as("sigmoid(%s)", x).isLessThan(2e-7);
            float small = (float) random.nextDouble(-3, 3);
            double tanh = Math.tanh(small);
            assertThat(Math.abs(FastMath.tanh(small) - tanh)).as("tanh(%s)", small).isLessThanOrEqualTo(Math.max(2e-7, Math.abs(tanh) * 5e-7));
        }
        assertThat(FastMath.tanh(1e-6f)).isEqualTo(1e-6f);
        assertThat(FastMath.exp(-1000f)).isGreaterThanOrEqualTo(0f);
        assertThat(FastMath.sigmoid(1000f)).isEqualTo(1f);
    }

    @Test
    void vectorAndScalarFormsGiveTheSameBits() {
        SplittableRandom random = new SplittableRandom(4);
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        float[] in = new float[lanes], exp = new float[lanes], sig = new float[lanes], tanh = new float[lanes];
        for (int round = 0; round < 20_000; round++) {
            for (int i = 0; i < lanes; i++) in[i] = (float) (random.nextBoolean() ? random.nextDouble(-100, 100) : random.nextDouble(-1, 1));
            FloatVector v = FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, in, 0);
            FastMath.exp(v).intoArray(exp, 0);
            FastMath.sigmoid(v).intoArray(sig, 0);
            FastMath.tanh(v).intoArray(tanh, 0);
            for (int i = 0; i < lanes; i++) {
                assertThat(exp[i]).as("exp(%s)", in[i]).isEqualTo(FastMath.exp(in[i]));
                assertThat(sig[i]).as("sigmoid(%s)", in[i]).isEqualTo(FastMath.sigmoid(in[i]));
                assertThat(tanh[i]).as("tanh(%s)", in[i]).isEqualTo(FastMath.tanh(in[i]));
            }
        }
    }
}
