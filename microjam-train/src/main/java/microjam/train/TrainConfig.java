// The training run's settings, checked up front. sampling: what the model recommends until `robojam evaluate
// --recommend` chooses (a fine-tuned model keeps its starting model's).
package microjam.train;

import microjam.robojam.Contract;
import microjam.robojam.Sampling;
import microjam.robojam.Shape;

public record TrainConfig(Shape shape, int seqLen, int batch, int epochs, float learningRate, float clip, int patience, int ratePatience,
                          long seed, double validationFraction, float scale, boolean stream, boolean startSteps,
                          boolean logDt, int balance, Sampling sampling) {
    public TrainConfig {
        if (seqLen < 2 || seqLen > 1000) throw new IllegalArgumentException("--seq-len must be between 2 and 1000");
        if (batch < 1 || batch > 4096) throw new IllegalArgumentException("--batch must be between 1 and 4096");
        if (epochs < 1) throw new IllegalArgumentException("--epochs must be at least 1");
        if (!(learningRate > 0 && learningRate < 1)) throw new IllegalArgumentException("--lr must be between 0 and 1");
        if (ratePatience < 1) throw new IllegalArgumentException("--lr-patience must be at least 1");
        if (patience < 1) throw new IllegalArgumentException("--patience must be at least 1");
        if (startSteps && !stream) throw new IllegalArgumentException("--start-steps needs --stream: start steps mark where one performance of the stream ends and the next begins");
        if (balance < 1 || balance > 16) throw new IllegalArgumentException("--balance must be between 1 (off) and 16");
        if (!(validationFraction > 0 && validationFraction < 1)) throw new IllegalArgumentException("--validation must be between 0 and 1");
        if (sampling == null) sampling = Sampling.FOR_THE_SHIPPED_MODELS;
    }

    /** How the model this run trains reads its inputs, what its head predicts, and its sampling (Training.contract adds the default style). */
    public Contract contract() {
        return Contract.plain(scale).withStartSteps(startSteps).withDt(logDt ? Contract.Dt.LOG : Contract.Dt.LINEAR).withSampling(sampling);
    }
}
