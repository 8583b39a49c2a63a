// The pause probability read from a head output equals the mixture's tail probability computed component by
// component with a normal distribution of each component's own mean and spread.
package microjam.train;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TeacherForcedTest {
    @Test
    void theProbabilityOfAPauseIsTheMixturesTailAboveTheThreshold() {
        Random random = new Random(3);
        int k = 4, d = 3, kd = k * d;
        for (int c = 0; c < 50; c++) {
            float[] out = new float[2 * kd + k];
            for (int i = 0; i < out.length; i++) out[i] = (float) (random.nextGaussian() * 2);
            double threshold = random.nextDouble() * 3, logitMax = Double.NEGATIVE_INFINITY, norm = 0, expected = 0;
            for (int m = 0; m < k; m++) logitMax = Math.max(logitMax, out[2 * kd + m]);
            for (int m = 0; m < k; m++) norm += Math.exp(out[2 * kd + m] - logitMax);
            for (int m = 0; m < k; m++) {
                double raw = out[kd + m * d + 2], sigma = (raw > 0 ? raw + 1 : Math.exp(raw)) + 1e-7;
                expected += Math.exp(out[2 * kd + m] - logitMax) / norm * NormalDistribution.of(out[m * d + 2], sigma).survivalProbability(threshold);
            }
            assertThat(TeacherForced.probabilityAbove(out, k, d, 2, threshold)).as("case %d", c).isCloseTo(expected, within(1e-6));
        }
    }
}
