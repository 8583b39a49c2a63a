// Every parameter of the network, in the layout of the model file (and of PyTorch's nn.LSTM):
//   inputKernel[l]      4H × in_l   rows: gates i, f, g, o (each H rows)
//   recurrentKernel[l]  4H × H
//   bias[l]             4H          (PyTorch's b_ih + b_hh)
//   headKernel          P × H       P = 2KD + K rows: means (k-major, then d), scales, logits
//   headBias            P
package microjam.robojam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

public record Weights(Shape shape, float[][] inputKernel, float[][] recurrentKernel, float[][] bias,
                      float[] headKernel, float[] headBias) {
    public Weights {
        int layers = shape.layers();
        if (inputKernel.length != layers || recurrentKernel.length != layers || bias.length != layers)
            throw new IllegalArgumentException("weights for " + layers + " layers expected");
        for (int l = 0; l < layers; l++) {
            checkLength("inputKernel[" + l + "]", inputKernel[l], shape.gateRows() * shape.inputSize(l));
            checkLength("recurrentKernel[" + l + "]", recurrentKernel[l], shape.gateRows() * shape.units());
            checkLength("bias[" + l + "]", bias[l], shape.gateRows());
        }
        checkLength("headKernel", headKernel, shape.headOutputs() * shape.units());
        checkLength("headBias", headBias, shape.headOutputs());
    }

    private static void checkLength(String name, float[] values, int expected) {
        if (values.length != expected)
            throw new IllegalArgumentException(name + " must have " + expected + " values (had " + values.length + ")");
        for (int i = 0; i < values.length; i++)
            if (!Float.isFinite(values[i])) throw new IllegalArgumentException(name + " has a non-finite value at " + i);
    }

    /** The same network reading `count` conditions beside each touch, zero weights for those it did not read: it computes exactly what this one does. */
    public Weights withConditions(int count) {
        if (count <= shape.conditions()) throw new IllegalArgumentException("these weights already read " + shape.conditions() + " conditions");
        Shape wider = shape.withConditions(count);
        int in = shape.inputSize(0), out = wider.inputSize(0);
        float[][] input = inputKernel.clone();
        input[0] = new float[shape.gateRows() * out];
        for (int row = 0; row < shape.gateRows(); row++) System.arraycopy(inputKernel[0], row * in, input[0], row * out, in);
        return new Weights(wider, input, recurrentKernel, bias, headKernel, headBias);
    }

    /** These weights as the precision stores them (Precision.stored), every tensor rounded. */
    public Weights stored(Precision precision) {
        UnaryOperator<float[]> round = values -> {
            float[] out = new float[values.length];
            for (int i = 0; i < values.length; i++) out[i] = precision.stored(values[i]);
            return out;
        };
        float[][] input = new float[shape.layers()][], recurrent = new float[shape.layers()][], biases = new float[shape.layers()][];
        for (int l = 0; l < shape.layers(); l++) {
            input[l] = round.apply(inputKernel[l]);
            recurrent[l] = round.apply(recurrentKernel[l]);
            biases[l] = round.apply(bias[l]);
        }
        return new Weights(shape, input, recurrent, biases, round.apply(headKernel), round.apply(headBias));
    }

    /** Whether every weight is a value of the precision, as stored() would leave it. */
    public boolean storedIn(Precision precision) {
        for (Map.Entry<String, float[]> tensor : tensors())
            for (float v : tensor.getValue()) if (Float.floatToRawIntBits(precision.stored(v)) != Float.floatToRawIntBits(v)) return false;
        return true;
    }

    /** The tensors in file order, each with its name. */
    public List<Map.Entry<String, float[]>> tensors() {
        List<Map.Entry<String, float[]>> list = new ArrayList<>();
        for (int l = 0; l < shape.layers(); l++) {
            list.add(Map.entry("inputKernel[" + l + "]", inputKernel[l]));
            list.add(Map.entry("recurrentKernel[" + l + "]", recurrentKernel[l]));
            list.add(Map.entry("bias[" + l + "]", bias[l]));
        }
        list.add(Map.entry("headKernel", headKernel));
        list.add(Map.entry("headBias", headBias));
        return list;
    }
}
