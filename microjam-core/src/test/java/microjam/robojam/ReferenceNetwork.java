// The network written the plain way, in double precision with naive loops: what the fast kernel is
// checked against. Gate order i, f, g, o; head: means, scales (ELU + 1 + ε), logits. For a precision
// other than float32 it reads each weight matrix as that precision stores it (the biases stay float32,
// as in Network), so that it differs from the kernel by float32 arithmetic alone, not by the rounding
// of the weights, and a tight tolerance still catches a kernel that widens its weights wrongly.
package microjam.robojam;

final class ReferenceNetwork {
    final Shape shape;
    final Weights w;
    final double[][] h, c;
    double[] means, scales, logits;

    ReferenceNetwork(Model model) {
        this(model, Precision.FLOAT32);
    }

    ReferenceNetwork(Model model, Precision precision) {
        this.shape = model.shape();
        this.w = stored(model.weights(), precision);
        h = new double[shape.layers()][shape.units()];
        c = new double[shape.layers()][shape.units()];
    }

    void step(double[] input) {
        int units = shape.units();
        double[] x = input;
        for (int l = 0; l < shape.layers(); l++) {
            int in = shape.inputSize(l);
            double[] z = new double[4 * units];
            for (int r = 0; r < 4 * units; r++) {
                double sum = w.bias()[l][r];
                for (int j = 0; j < in; j++) sum += (double) w.inputKernel()[l][r * in + j] * x[j];
                for (int j = 0; j < units; j++) sum += (double) w.recurrentKernel()[l][r * units + j] * h[l][j];
                z[r] = sum;
            }
            for (int u = 0; u < units; u++) {
                double i = sigmoid(z[u]), f = sigmoid(z[units + u]), g = Math.tanh(z[2 * units + u]), o = sigmoid(z[3 * units + u]);
                c[l][u] = f * c[l][u] + i * g;
                h[l][u] = o * Math.tanh(c[l][u]);
            }
            x = h[l];
        }
        int p = shape.headOutputs(), kd = shape.mixtures() * shape.dimensions();
        double[] y = new double[p];
        for (int r = 0; r < p; r++) {
            double sum = w.headBias()[r];
            for (int j = 0; j < units; j++) sum += (double) w.headKernel()[r * units + j] * x[j];
            y[r] = sum;
        }
        means = java.util.Arrays.copyOfRange(y, 0, kd);
        scales = new double[kd];
        for (int i = 0; i < kd; i++) scales[i] = (y[kd + i] > 0 ? y[kd + i] : Math.expm1(y[kd + i])) + 1 + 1e-7;
        logits = java.util.Arrays.copyOfRange(y, 2 * kd, p);
    }

    /** The weights with every matrix entry as the precision stores it, biases untouched. */
    static Weights stored(Weights w, Precision precision) {
        float[][] input = new float[w.inputKernel().length][], recurrent = new float[w.recurrentKernel().length][];
        for (int l = 0; l < input.length; l++) {
            input[l] = stored(w.inputKernel()[l], precision);
            recurrent[l] = stored(w.recurrentKernel()[l], precision);
        }
        return new Weights(w.shape(), input, recurrent, w.bias(), stored(w.headKernel(), precision), w.headBias());
    }

    private static float[] stored(float[] weights, Precision precision) {
        float[] stored = new float[weights.length];
        for (int i = 0; i < weights.length; i++) stored[i] = precision.stored(weights[i]);
        return stored;
    }

    static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
