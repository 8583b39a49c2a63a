// The network's dimensions: L stacked LSTM layers of H units and a mixture of K Gaussians over D = 3
// dimensions ([x, y, dt]). The head emits K·D means, K·D scales and K mixture logits. The first layer
// reads each touch and C conditions beside it: 0, the 3 codes of a PerformanceStyle, or those and its mean
// place (5), the same at every step of a performance.
package microjam.robojam;

public record Shape(int layers, int units, int mixtures, int dimensions, int conditions) {
    public static final int TOUCH_DIMENSIONS = 3;
    /** 800 MB of float32: far above any model worth serving, well inside what a file and an array can hold. */
    public static final long MAX_PARAMETERS = 200_000_000L;

    public Shape {
        check("layers", layers, 1, 8);
        check("units", units, 1, 4096);
        check("mixtures", mixtures, 1, 64);
        if (conditions != 0 && conditions != PerformanceStyle.CODES && conditions != PerformanceStyle.CODES_WITH_PLACE)
            throw new IllegalArgumentException("conditions must be 0, " + PerformanceStyle.CODES + " (a performance style) or " + PerformanceStyle.CODES_WITH_PLACE
                    + " (a style and its place), was " + conditions);
        if (dimensions != TOUCH_DIMENSIONS) throw new IllegalArgumentException("dimensions must be 3 ([x, y, dt]), was " + dimensions);
        if (parameterCount() > MAX_PARAMETERS)
            throw new IllegalArgumentException("a model has at most " + MAX_PARAMETERS + " parameters (this shape has " + parameterCount() + ")");
    }

    /** A network that reads touches alone. */
    public Shape(int layers, int units, int mixtures, int dimensions) {
        this(layers, units, mixtures, dimensions, 0);
    }

    /** The same network reading these conditions. */
    public Shape withConditions(int count) {
        return new Shape(layers, units, mixtures, dimensions, count);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) throw new IllegalArgumentException(name + " must be between " + min + " and " + max + " (was " + value + ")");
    }

    /** Width of layer l's input: the touch and the conditions for the first layer, the previous layer's output after. */
    public int inputSize(int layer) {
        return layer == 0 ? dimensions + conditions : units;
    }

    /** Rows of each LSTM kernel: the four gates i, f, g, o stacked. */
    public int gateRows() {
        return 4 * units;
    }

    public int headOutputs() {
        return 2 * mixtures * dimensions + mixtures;
    }

    public long parameterCount() {
        long count = 0;
        for (int l = 0; l < layers; l++) count += (long) gateRows() * (inputSize(l) + units) + gateRows();
        return count + (long) headOutputs() * units + headOutputs();
    }
}
