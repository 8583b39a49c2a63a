// A RoboJam model: its weights, its contract (how it reads touches, what its head means, how it is best
// sampled: Contract), a name, a note on the data it learned from, and free-form metadata that changes
// nothing about how it runs (for example the training split and history).
package microjam.robojam;

import java.util.Map;
import java.util.TreeMap;

public record Model(String name, String data, Contract contract, Map<String, String> metadata, Weights weights) {
    public Model {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a model needs a name");
        if (data == null) data = "";
        if (contract == null) throw new IllegalArgumentException("a model needs a contract");
        metadata = Map.copyOf(new TreeMap<>(metadata == null ? Map.of() : metadata));
        if (contract.weights() != Precision.FLOAT32 && !weights.storedIn(contract.weights()))
            throw new IllegalArgumentException("the weights are not all " + contract.weights().label() + " values (Model.inPrecision rounds them)");
        if (weights.shape().conditions() > 0 && contract.defaultStyle() == null)
            throw new IllegalArgumentException("a style-conditioned model needs " + Contract.Key.DEFAULT_STYLE.header
                    + ": the style it reads for an empty call");
    }

    /**
     * A model described as version-1 files described it: a scale and metadata in which some entries (input.performance-start,
     * output.dt, input.style.default, sampling.*) were the contract; they are lifted out of the metadata into it.
     */
    public Model(String name, String data, float scale, Map<String, String> metadata, Weights weights) {
        this(name, data, Contract.fromVersion1(scale, metadata == null ? Map.of() : metadata), weights);
    }

    private Model(String name, String data, Contract.Lifted lifted, Weights weights) {
        this(name, data, lifted.contract(), lifted.metadata(), weights);
    }

    public float scale() {
        return contract.scale();
    }

    /** How this model is best sampled. */
    public Sampling recommended() {
        return contract.sampling();
    }

    /** This model recommending the given sampling (everything else kept). */
    public Model recommending(Sampling sampling) {
        return new Model(name, data, contract.withSampling(sampling), metadata, weights);
    }

    /** The same model with its weights rounded to this precision, which it is then stored and served in. */
    public Model inPrecision(Precision precision) {
        return new Model(name, data, contract.withWeights(precision), metadata, weights.stored(precision));
    }

    public Shape shape() {
        return weights.shape();
    }

    public long sizeInBytes() {
        return (long) contract.weights().bytesPerWeight() * shape().parameterCount();
    }
}
