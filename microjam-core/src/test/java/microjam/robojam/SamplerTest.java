// Sampling is statistically right: component frequencies follow the tempered softmax (chi-square),
// each dimension has its component's mean and scaled variance, and the limits behave as documented.
package microjam.robojam;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SamplerTest {
    static final double[] LOGITS = {0.5, 1.0, -0.3, 2.0, 0.0};
    static final int K = 5, D = 3;

    @Test
    void componentFrequenciesFollowTheTemperedSoftmax() {
        for (double temperature : new double[]{1.5, 0.5, 1.0, 4.0}) {
            double[] weights = new double[K];
            Sampler.mixture(LOGITS, K, temperature, weights);
            double[] expected = new double[K];
            double total = 0;
            for (int k = 0; k < K; k++) total += expected[k] = Math.exp(LOGITS[k] / temperature);
            for (int k = 0; k < K; k++) assertThat(weights[k]).isCloseTo(expected[k] / total, within(1e-12));

            SplittableRandom random = new SplittableRandom(11);
            int draws = 100_000;
            long[] counts = new long[K];
            for (int i = 0; i < draws; i++) counts[Sampler.component(weights, K, random)]++;
            double chiSquare = 0;
            for (int k = 0; k < K; k++) {
                double e = draws * weights[k];
                chiSquare += (counts[k] - e) * (counts[k] - e) / e;
            }
            // 18.47 is the chi-square critical value for 4 degrees of freedom at p = 0.001.
            assertThat(chiSquare).as("chi-square at temperature %s, counts %s", temperature, java.util.Arrays.toString(counts)).isLessThan(18.47);
        }
    }

    @Test
    void eachDimensionHasTheComponentsMeanAndScaledVariance() {
        double[] means = new double[K * D], scales = new double[K * D];
        for (int i = 0; i < K * D; i++) {
            means[i] = i - 7.5;
            scales[i] = 0.5 + i * 0.1;
        }
        double sigmaTemperature = 0.25;
        SplittableRandom random = new SplittableRandom(12);
        int n = 200_000, k = 3;
        double[] sum = new double[D], sumSquares = new double[D], out = new double[D];
        for (int i = 0; i < n; i++) {
            Sampler.sample(means, scales, k, D, sigmaTemperature, random, out);
            for (int d = 0; d < D; d++) {
                sum[d] += out[d];
                sumSquares[d] += out[d] * out[d];
            }
        }
        for (int d = 0; d < D; d++) {
            double mean = sum[d] / n, variance = sumSquares[d] / n - mean * mean;
            double sigma = scales[k * D + d], expectedVariance = sigma * sigma * sigmaTemperature;
            assertThat(mean).as("mean of dimension %d", d).isCloseTo(means[k * D + d], within(5 * Math.sqrt(expectedVariance / n)));
            assertThat(variance / expectedVariance).as("variance ratio of dimension %d", d).isCloseTo(1.0, within(0.03));
        }
    }

    @Test
    void temperatureZeroPicksTheLargestLogitAndSigmaZeroReturnsTheMean() {
        double[] weights = new double[K];
        Sampler.mixture(LOGITS, K, 0, weights);
        assertThat(weights).containsExactly(0, 0, 0, 1, 0);
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 1000; i++) assertThat(Sampler.component(weights, K, random)).isEqualTo(3);
        Sampler.mixture(LOGITS, K, 1e-3, weights);
        assertThat(weights[3]).as("a small temperature all but picks it").isGreaterThan(0.999999);

        double[] means = {1, 2, 3}, scales = {5, 5, 5}, out = new double[3];
        Sampler.sample(means, scales, 0, 3, 0, random, out);
        assertThat(out).containsExactly(1, 2, 3);
    }

    @Test
    void theNormalDrawIsStandard() {
        SplittableRandom random = new SplittableRandom(14);
        int n = 200_000;
        double sum = 0, squares = 0, beyondTwo = 0;
        for (int i = 0; i < n; i++) {
            double z = Sampler.normal(random);
            sum += z;
            squares += z * z;
            if (Math.abs(z) > 2) beyondTwo++;
        }
        assertThat(sum / n).isCloseTo(0, within(0.01));
        assertThat(squares / n).isCloseTo(1, within(0.015));
        assertThat(beyondTwo / n).as("P(|Z| > 2) = 0.0455").isCloseTo(0.0455, within(0.002));
    }
}
