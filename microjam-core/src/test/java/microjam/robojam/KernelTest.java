// The fast kernel equals the plain double-precision reference, step by step, on random models of
// several shapes (odd sizes exercise the scalar tails), alone and in a batch, on one core or two, for
// every precision the weights can be held in. For bfloat16 the reference reads the same rounded
// weights, so the tolerance stays as tight as for float32 and a wrong widening fails at once.
package microjam.robojam;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class KernelTest {
    static final double TOLERANCE = 1e-4;
    static final int STEPS = 500;

    @ParameterizedTest(name = "{0} layers x {1} units x {2} mixtures, batch of {3} on {4} threads, {5}")
    @CsvSource({"1, 8, 1, 1, 1, FLOAT32", "2, 32, 3, 1, 2, FLOAT32", "3, 17, 2, 3, 2, FLOAT32", "2, 64, 5, 6, 2, FLOAT32", "2, 512, 5, 1, 2, FLOAT32",
            "1, 8, 1, 1, 1, BFLOAT16", "2, 32, 3, 1, 2, BFLOAT16", "3, 17, 2, 3, 2, BFLOAT16", "2, 64, 5, 6, 2, BFLOAT16", "2, 512, 5, 1, 2, BFLOAT16"})
    void matchesTheDoublePrecisionReferenceFor500Steps(int layers, int units, int mixtures, int batchSize, int threads, Precision precision) {
        Model model = RandomModel.create(new Shape(layers, units, mixtures, 3), 42 + units);
        Network network = new Network(model, precision);
        try (Parallel parallel = new Parallel(threads)) {
            Network.Batch batch = new Network.Batch(batchSize, parallel);
            ReferenceNetwork[] references = new ReferenceNetwork[batchSize];
            for (int b = 0; b < batchSize; b++) {
                batch.states[b] = network.newState();
                batch.states[b].reset();
                references[b] = new ReferenceNetwork(model, precision);
            }
            batch.size = batchSize;
            SplittableRandom random = new SplittableRandom(7);
            double worst = 0;
            for (int step = 0; step < STEPS; step++) {
                for (int b = 0; b < batchSize; b++) {
                    float x = (float) random.nextDouble(0, 10), y = (float) random.nextDouble(0, 10), dt = (float) random.nextDouble(0, 1);
                    batch.states[b].input(x, y, dt);
                    references[b].step(new double[]{x, y, dt});
                }
                network.step(batch);
                for (int b = 0; b < batchSize; b++) {
                    State s = batch.states[b];
                    ReferenceNetwork r = references[b];
                    String where = "step " + step + ", member " + b;
                    for (int l = 0; l < layers; l++) {
                        worst = Math.max(worst, compare(where + ", h[" + l + "]", s.columns[l], model.shape().inputSize(l), r.h[l]));
                        worst = Math.max(worst, compare(where + ", c[" + l + "]", s.cells[l], 0, r.c[l]));
                    }
                    worst = Math.max(worst, compare(where + ", means", s.means, r.means));
                    worst = Math.max(worst, compare(where + ", scales", s.scales, r.scales));
                    worst = Math.max(worst, compare(where + ", logits", s.logits, r.logits));
                }
            }
            System.out.printf("kernel vs reference, %dx%dx%d batch %d, %s: largest relative difference %.2e%n", layers, units, mixtures, batchSize,
                    precision.label(), worst);
        }
    }

    private static double compare(String what, float[] actual, int offset, double[] expected) {
        double[] widened = new double[expected.length];
        for (int i = 0; i < expected.length; i++) widened[i] = actual[offset + i];
        return compare(what, widened, expected);
    }

    // Relative difference, measured against at least 0.1 so values near zero are held to 1e-5 absolute.
    private static double compare(String what, double[] actual, double[] expected) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            double difference = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), 0.1);
            if (difference > TOLERANCE)
                assertThat(difference).as("%s[%d]: kernel %s, reference %s", what, i, actual[i], expected[i]).isLessThanOrEqualTo(TOLERANCE);
            worst = Math.max(worst, difference);
        }
        return worst;
    }
}
