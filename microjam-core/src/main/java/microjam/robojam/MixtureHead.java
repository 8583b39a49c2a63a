// Reads the head's output y (P = 2KD + K values) as a mixture of K diagonal Gaussians over D dimensions:
//   μ_kd = y[k·D + d]
//   σ_kd = Contract.sigma(y[KD + k·D + d])
//   logit_k = y[2KD + k]
package microjam.robojam;

final class MixtureHead {
    private MixtureHead() {
    }

    /** Fills means and scales (K·D each) and logits (K) from the head output. */
    static void read(float[] y, int mixtures, int dimensions, double[] means, double[] scales, double[] logits) {
        int kd = mixtures * dimensions;
        for (int i = 0; i < kd; i++) {
            means[i] = y[i];
            scales[i] = Contract.sigma(y[kd + i]);
        }
        for (int k = 0; k < mixtures; k++) logits[k] = y[2 * kd + k];
    }
}
