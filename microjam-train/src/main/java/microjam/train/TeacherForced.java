// What the model predicts when it reads people's own touches (teacher forcing), with the Java kernel:
//   nll:    mean over sessions and touches t ≥ 2 of −log p(touch_t | touches before it), the mixture
//           density of the scaled [x, y, dt] (as MdnLoss); for a LogDt model, of the scaled [x, y, u]
//           plus ln(ln(1 + 5/τ) · (τ + dt)), the change of variables back to dt, so NLLs compare across models;
//   pauses: per session, the mean predicted probability that the next touch comes after a pause,
//           P(dt > 0.1 s) = Σ_k w_k · ½ erfc((0.1·scale − μ_k,dt) / (σ_k,dt √2)) (0.1 s as u for a LogDt
//           model: the map is increasing), against the session's
//           actual share of pauses; the Pearson correlation over sessions says whether the model reads
//           each performance's style.
// A model trained with PerformanceStart steps reads one first, as when it answers; either way the first
// touch is not scored, so the numbers compare across models. A style-conditioned model reads the
// session's own style beside every touch, read off all its touches: its NLL is conditioned on that summary.
package microjam.train;

import microjam.robojam.Contract;
import microjam.robojam.Model;
import microjam.robojam.Network;
import microjam.robojam.RoboJam;
import org.apache.commons.statistics.distribution.NormalDistribution;

import java.util.ArrayList;
import java.util.List;

final class TeacherForced {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private static final int MAX_TOUCHES = 1000;

    private TeacherForced() {
    }

    /** Mean negative log-likelihood per touch of each session's next touch. */
    static double nll(Model model, List<Session> sessions) {
        Network network = new Network(model);
        int k = model.shape().mixtures(), d = model.shape().dimensions(), kd = k * d, lead = model.contract().lead();
        Contract contract = model.contract();
        float scale = model.scale();
        double sum = 0;
        long count = 0;
        for (Session s : sessions) {
            float[][] inputs = inputs(model, s);
            float[][] out = network.headOutputs(inputs);
            for (int t = lead; t + 1 < inputs.length; t++) {
                double[] target = {inputs[t + 1][0], inputs[t + 1][1], inputs[t + 1][2]};
                double dt = target[2] / scale;
                target[2] = contract.dtTarget(dt);
                double[] logWeights = logWeights(out[t], k, kd), logs = new double[k];
                for (int c = 0; c < k; c++) {
                    double log = logWeights[c];
                    for (int j = 0; j < d; j++) {
                        double sigma = Contract.sigma(out[t][kd + c * d + j]);
                        double z = (target[j] - out[t][c * d + j]) / sigma;
                        log += -0.5 * z * z - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI);
                    }
                    logs[c] = log;
                }
                sum -= logSumExp(logs) + contract.logDtDerivative(dt);
                count++;
            }
        }
        return sum / count;
    }

    /** Correlation over sessions (of at least 10 touches) of the predicted and the actual share of pauses. */
    static double pauseShareCorrelation(Model model, List<Session> sessions) {
        Network network = new Network(model);
        int k = model.shape().mixtures(), d = model.shape().dimensions(), lead = model.contract().lead();
        double threshold = model.contract().dtTarget(RoboJam.TAP_AFTER);
        List<Double> predicted = new ArrayList<>(), actual = new ArrayList<>();
        for (Session s : sessions) {
            if (s.length() < 10) continue;
            float[][] inputs = inputs(model, s);
            float[][] out = network.headOutputs(inputs);
            double p = 0, pauses = 0;
            int steps = 0;
            for (int t = lead; t + 1 < inputs.length; t++, steps++) {
                p += probabilityAbove(out[t], k, d, 2, threshold);
                if (!RoboJam.moving(inputs[t + 1][2] / model.scale())) pauses++;
            }
            predicted.add(p / steps);
            actual.add(pauses / steps);
        }
        return FeatureDistributions.correlation(predicted.stream().mapToDouble(Double::doubleValue).toArray(), actual.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** P(dimension j of the next touch > threshold) under the mixture a head output describes (scaled units). */
    static double probabilityAbove(float[] out, int k, int d, int j, double threshold) {
        int kd = k * d;
        double[] logWeights = logWeights(out, k, kd);
        double p = 0;
        for (int c = 0; c < k; c++)
            p += Math.exp(logWeights[c]) * STANDARD_NORMAL.survivalProbability((threshold - out[c * d + j]) / Contract.sigma(out[kd + c * d + j]));
        return p;
    }

    /** The session's first 1,000 touches as scaled inputs, after a start step for a model that reads one. */
    static float[][] inputs(Model model, Session s) {
        Contract contract = model.contract();
        int lead = contract.lead(), n = Math.min(s.length(), MAX_TOUCHES) + lead;
        float[][] inputs = new float[n][];
        if (lead == 1) inputs[0] = contract.startRow();
        for (int t = lead; t < n; t++) {
            float[] touch = s.touches()[t - lead];
            inputs[t] = contract.touchRow(touch[0], touch[1], touch[2]);
        }
        if (model.shape().conditions() == 0) return inputs;
        float[] codes = s.style().codes(model.shape().conditions());
        for (int t = 0; t < n; t++) inputs[t] = Windows.withCodes(inputs[t], codes);
        return inputs;
    }

    /** log softmax of the head's K logits (stored after the K·D means and K·D scales). */
    private static double[] logWeights(float[] out, int k, int kd) {
        double[] logits = new double[k];
        for (int c = 0; c < k; c++) logits[c] = out[2 * kd + c];
        double norm = logSumExp(logits);
        for (int c = 0; c < k; c++) logits[c] -= norm;
        return logits;
    }

    private static double logSumExp(double[] values) {
        double max = Double.NEGATIVE_INFINITY, total = 0;
        for (double v : values) max = Math.max(max, v);
        for (double v : values) total += Math.exp(v - max);
        return max + Math.log(total);
    }
}
