// Reads the head's output y (P = 2KD + K values) as a mixture of K diagonal Gaussians over D dimensions:
//   μ_kd = y[k·D + d]
//   σ_kd = ELU(y[KD + k·D + d]) + 1 + ε   (= y + 1 for y > 0, e^y for y ≤ 0; always positive)
//   logit_k = y[2KD + k]
package microjam.robojam;

final class MixtureHead {
    static final float EPSILON = 1e-7f;

    private MixtureHead() {
    }

    /** Fills means and scales (K·D each) and logits (K) from the head output. */
    static void read(float[] y, int mixtures, int dimensions, double[] means, double[] scales, double[] logits) {
        int kd = mixtures * dimensions;
        for (int i = 0; i < kd; i++) {
            means[i] = y[i];
            scales[i] = scale(y[kd + i]);
        }
        for (int k = 0; k < mixtures; k++) logits[k] = y[2 * kd + k];
    }

    static float scale(float raw) {
        return (raw > 0 ? raw + 1f : FastMath.exp(raw)) + EPSILON;
    }
}
