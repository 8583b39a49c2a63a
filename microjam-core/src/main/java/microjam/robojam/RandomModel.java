// A valid model with random weights, for tests and benchmarks: uniform in ±1/√H as PyTorch initialises
// an LSTM, with the dt means' bias set to a typical 30 ms so responses have realistic lengths.
package microjam.robojam;

import java.util.Map;
import java.util.SplittableRandom;

public final class RandomModel {
    public static final float SCALE = 10f;

    private RandomModel() {
    }

    public static Model create(Shape shape, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float bound = (float) (1 / Math.sqrt(shape.units()));
        int layers = shape.layers();
        float[][] input = new float[layers][], recurrent = new float[layers][], bias = new float[layers][];
        for (int l = 0; l < layers; l++) {
            input[l] = uniform(random, shape.gateRows() * shape.inputSize(l), bound);
            recurrent[l] = uniform(random, shape.gateRows() * shape.units(), bound);
            bias[l] = uniform(random, shape.gateRows(), bound);
        }
        float[] headKernel = uniform(random, shape.headOutputs() * shape.units(), bound);
        float[] headBias = uniform(random, shape.headOutputs(), bound);
        for (int k = 0; k < shape.mixtures(); k++) headBias[k * shape.dimensions() + 2] = 0.03f * SCALE;
        return new Model("random-" + shape.layers() + "x" + shape.units() + "x" + shape.mixtures() + "-seed" + seed,
                "none: random weights (seed " + seed + ")", contract(shape), Map.of("kind", "random"),
                new Weights(shape, input, recurrent, bias, headKernel, headBias));
    }

    /** A plain contract; a style-conditioned shape also gets a default style, a moderate one. */
    static Contract contract(Shape shape) {
        return Contract.plain(SCALE).withDefaultStyle(shape.conditions() > 0 ? new PerformanceStyle(20, 0.5, 0.4) : null);
    }

    private static float[] uniform(SplittableRandom random, int count, float bound) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float) (random.nextDouble(-1, 1) * bound);
        return values;
    }
}
