// Turns the trained DJL network into RoboJam's model file: PyTorch's LSTM keeps the gate order
// i, f, g, o and two biases, which the model file stores summed.
package microjam.train;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import microjam.robojam.Shape;
import microjam.robojam.Weights;

import java.util.HashMap;
import java.util.Map;

public final class Exporter {
    private Exporter() {
    }

    public static Weights weights(Block block, Shape shape) {
        Map<String, float[]> byName = new HashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) byName.put(suffix(p.getKey()), p.getValue().getArray().toFloatArray());
        int layers = shape.layers();
        float[][] input = new float[layers][], recurrent = new float[layers][], bias = new float[layers][];
        for (int l = 0; l < layers; l++) {
            input[l] = require(byName, "l_" + l + "_i2h_WEIGHT");
            recurrent[l] = require(byName, "l_" + l + "_h2h_WEIGHT");
            float[] a = require(byName, "l_" + l + "_i2h_BIAS"), b = require(byName, "l_" + l + "_h2h_BIAS");
            bias[l] = new float[a.length];
            for (int i = 0; i < a.length; i++) bias[l][i] = a[i] + b[i];
        }
        return new Weights(shape, input, recurrent, bias, require(byName, "Linear_weight"), require(byName, "Linear_bias"));
    }

    // DJL prefixes parameter names with the block's position ("01LSTM_l_0_i2h_WEIGHT", "02Linear_weight").
    private static String suffix(String name) {
        int lstm = name.indexOf("LSTM_");
        if (lstm >= 0) return name.substring(lstm + 5);
        int linear = name.indexOf("Linear_");
        return linear >= 0 ? name.substring(linear) : name;
    }

    private static float[] require(Map<String, float[]> byName, String name) {
        float[] values = byName.get(name);
        if (values == null) throw new IllegalStateException("the trained network has no parameter " + name + " (has " + byName.keySet() + ")");
        return values;
    }
}
