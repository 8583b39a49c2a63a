// Sampling one touch from the mixture, with the random generator always passed in.
//   mixture: w_k = softmax(logit_k / temperature); temperature below 1e-6 picks the largest logit.
//   sample:  pick k ~ w; each dimension d ~ Normal(μ_kd, (σ_kd · √sigmaTemperature)²), i.e. the
//            variance is scaled by sigmaTemperature; 0 returns the mean μ_kd exactly.
// Doubles with StrictMath throughout, so a seed gives the same touch on every machine and JIT tier.
package microjam.robojam;

import java.util.random.RandomGenerator;

final class Sampler {
    static final double GREEDY_BELOW = 1e-6;

    private Sampler() {
    }

    /** Turns logits into mixture weights (in place in weights) at the given temperature. */
    static void mixture(double[] logits, int mixtures, double temperature, double[] weights) {
        int best = 0;
        for (int k = 1; k < mixtures; k++) if (logits[k] > logits[best]) best = k;
        if (temperature < GREEDY_BELOW) {
            for (int k = 0; k < mixtures; k++) weights[k] = k == best ? 1 : 0;
            return;
        }
        double max = logits[best], total = 0;
        for (int k = 0; k < mixtures; k++) total += weights[k] = StrictMath.exp((logits[k] - max) / temperature);
        for (int k = 0; k < mixtures; k++) weights[k] /= total;
    }

    static int component(double[] weights, int mixtures, RandomGenerator random) {
        double u = random.nextDouble(), cumulative = 0;
        for (int k = 0; k < mixtures - 1; k++) {
            cumulative += weights[k];
            if (u < cumulative) return k;
        }
        for (int k = mixtures - 1; k > 0; k--) if (weights[k] > 0) return k;
        return 0;
    }

    /** Draws out[d] for each dimension of component k. */
    static void sample(double[] means, double[] scales, int k, int dimensions, double sigmaTemperature,
                       RandomGenerator random, double[] out) {
        double spread = StrictMath.sqrt(sigmaTemperature);
        for (int d = 0; d < dimensions; d++) {
            int i = k * dimensions + d;
            out[d] = sigmaTemperature == 0 ? means[i] : means[i] + scales[i] * spread * normal(random);
        }
    }

    /** A standard normal draw by Box–Muller (one of the pair, for simplicity). */
    static double normal(RandomGenerator random) {
        double u1 = 1.0 - random.nextDouble(); // in (0, 1]: the logarithm stays finite
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }
}
