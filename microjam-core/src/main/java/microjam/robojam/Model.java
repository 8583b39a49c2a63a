// A RoboJam model: its weights, the factor touches are scaled by before entering the network, a
// name, a note on the data it learned from, and free-form metadata (for example the training split).
package microjam.robojam;

import java.util.Map;
import java.util.TreeMap;

public record Model(String name, String data, float scale, Map<String, String> metadata, Weights weights) {
    public Model {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a model needs a name");
        if (data == null) data = "";
        if (!Float.isFinite(scale) || scale <= 0) throw new IllegalArgumentException("scale must be a positive number (was " + scale + ")");
        metadata = Map.copyOf(new TreeMap<>(metadata == null ? Map.of() : metadata));
        Sampling.recommendedBy(metadata); // a recommendation that cannot be used is refused at load, not at the first call
    }

    /** How this model is best sampled (Sampling). */
    public Sampling recommended() {
        return Sampling.recommendedBy(metadata);
    }

    /** This model recommending the given sampling (its other metadata kept). */
    public Model recommending(Sampling sampling) {
        Map<String, String> with = new TreeMap<>(metadata);
        with.putAll(sampling.asMetadata());
        return new Model(name, data, scale, with, weights);
    }

    public Shape shape() {
        return weights.shape();
    }

    public long sizeInBytes() {
        return 4 * shape().parameterCount();
    }
}
