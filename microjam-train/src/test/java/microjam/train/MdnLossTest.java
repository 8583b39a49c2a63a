// The DJL loss equals a direct double-precision computation of the mixture log-likelihood, and stays
// finite for extreme outputs and targets.
package microjam.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MdnLossTest {
    static final int K = 3, D = 3, P = 2 * K * D + K;

    @Test
    void equalsTheMixtureLogLikelihoodComputedDirectly() {
        Random random = new Random(5);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int c = 0; c < 20; c++) {
                int b = 1 + random.nextInt(3), t = 1 + random.nextInt(4);
                float[] out = new float[b * t * P], target = new float[b * t * D];
                for (int i = 0; i < out.length; i++) out[i] = (float) (random.nextGaussian() * 2);
                for (int i = 0; i < target.length; i++) target[i] = (float) (random.nextGaussian() * 3);
                NDArray nll = new MdnLoss(K, D).negativeLogLikelihood(manager.create(out, new Shape(b, t, P)), manager.create(target, new Shape(b, t, D)));
                float[] actual = nll.toFloatArray();
                for (int i = 0; i < b * t; i++) {
                    double expected = direct(out, i * P, target, i * D);
                    assertThat((double) actual[i]).as("case %d, position %d", c, i).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4 * Math.max(1, Math.abs(expected))));
                }
            }
        }
    }

    @Test
    void weightedLabelsAverageOnlyTheStepsWithWeightOne() {
        Random random = new Random(9);
        try (NDManager manager = NDManager.newBaseManager()) {
            int b = 2, t = 5;
            float[] out = new float[b * t * P], target = new float[b * t * D], weights = new float[b * t];
            for (int i = 0; i < out.length; i++) out[i] = (float) (random.nextGaussian() * 2);
            for (int i = 0; i < target.length; i++) target[i] = (float) (random.nextGaussian() * 3);
            double sum = 0;
            int counted = 0;
            for (int i = 0; i < b * t; i++) {
                weights[i] = i % 3 == 0 ? 0 : 1;
                if (weights[i] == 1) {
                    sum += direct(out, i * P, target, i * D);
                    counted++;
                }
            }
            NDArray loss = new MdnLoss(K, D).evaluate(new ai.djl.ndarray.NDList(manager.create(target, new Shape(b, t, D)), manager.create(weights, new Shape(b, t))),
                    new ai.djl.ndarray.NDList(manager.create(out, new Shape(b, t, P))));
            assertThat((double) loss.getFloat()).isCloseTo(sum / counted, org.assertj.core.data.Offset.offset(1e-4 * Math.max(1, Math.abs(sum / counted))));
        }
    }

    @Test
    void isFiniteForExtremeInputs() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] out = new float[2 * P], target = new float[2 * D];
            for (int i = 0; i < P; i++) out[i] = i % 2 == 0 ? 80f : -80f;
            for (int i = P; i < 2 * P; i++) out[i] = i % 2 == 0 ? 1e4f : -1e4f;
            target[0] = 1e3f;
            target[4] = -1e3f;
            NDArray nll = new MdnLoss(K, D).negativeLogLikelihood(manager.create(out, new Shape(1, 2, P)), manager.create(target, new Shape(1, 2, D)));
            for (float v : nll.toFloatArray()) assertThat(v).isFinite();
        }
    }

    static double direct(float[] out, int o, float[] target, int t) {
        int kd = K * D;
        double[] logs = new double[K];
        double maxLogit = Double.NEGATIVE_INFINITY, norm = 0;
        for (int k = 0; k < K; k++) maxLogit = Math.max(maxLogit, out[o + 2 * kd + k]);
        for (int k = 0; k < K; k++) norm += Math.exp(out[o + 2 * kd + k] - maxLogit);
        double total = 0;
        for (int k = 0; k < K; k++) {
            double log = out[o + 2 * kd + k] - maxLogit - Math.log(norm);
            for (int d = 0; d < D; d++) {
                double raw = out[o + kd + k * D + d];
                double sigma = (raw > 0 ? raw + 1 : Math.exp(raw)) + 1e-7;
                double z = (target[t + d] - out[o + k * D + d]) / sigma;
                log += -0.5 * z * z - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
            }
            logs[k] = log;
        }
        double max = java.util.Arrays.stream(logs).max().orElseThrow();
        for (double l : logs) total += Math.exp(l - max);
        return -(max + Math.log(total));
    }
}
