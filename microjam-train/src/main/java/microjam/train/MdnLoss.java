// The mixture-density loss: the mean negative log-likelihood of each true next touch y = [x, y, dt]·scale
// under the predicted mixture, computed stably:
//   σ = Contract.sigma(s), ELU(s) + 1 + ε (written as s + 1 for s > 0, e^min(s, 0) otherwise: no overflow)
//   log N_k = Σ_d [ −½((y_d − μ_kd)/σ_kd)² − log σ_kd − ½ log 2π ]
//   log p   = logsumexp_k ( log softmax(logits)_k + log N_k )      (max subtracted before exp)
//   loss    = −mean over batch and time of log p, or the weighted mean Σ w·(−log p) / Σ w when the labels
//             carry weights (0 for steps that are inputs only, such as a PerformanceStart marker)
package microjam.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.loss.Loss;
import microjam.robojam.Contract;

public final class MdnLoss extends Loss {
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
    private final int mixtures, dimensions;

    public MdnLoss(int mixtures, int dimensions) {
        super("mdn-nll");
        this.mixtures = mixtures;
        this.dimensions = dimensions;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray nll = negativeLogLikelihood(predictions.singletonOrThrow(), labels.get(0));
        if (labels.size() == 1) return nll.mean();
        NDArray weights = labels.get(1);
        return nll.mul(weights).sum().div(weights.sum().maximum(1f));
    }

    /** −log p(target) per batch member and time step: shape (B, T). */
    public NDArray negativeLogLikelihood(NDArray output, NDArray target) {
        long b = output.getShape().get(0), t = output.getShape().get(1);
        int kd = mixtures * dimensions;
        NDArray mu = output.get(new NDIndex(":, :, 0:" + kd)).reshape(b, t, mixtures, dimensions);
        NDArray raw = output.get(new NDIndex(":, :, " + kd + ":" + 2 * kd)).reshape(b, t, mixtures, dimensions);
        NDArray logits = output.get(new NDIndex(":, :, " + 2 * kd + ":"));
        NDArray positive = raw.gt(0);
        NDArray sigma = ai.djl.ndarray.NDArrays.where(positive, raw.add(1), raw.minimum(0).exp()).add(Contract.SIGMA_EPSILON);
        NDArray z = target.expandDims(2).sub(mu).div(sigma);
        NDArray logNormal = z.square().mul(-0.5).sub(sigma.log()).sub(HALF_LOG_TWO_PI).sum(new int[]{3});
        NDArray logPi = logits.logSoftmax(2);
        NDArray joint = logPi.add(logNormal);
        NDArray max = joint.max(new int[]{2}, true).stopGradient();
        NDArray logP = joint.sub(max).exp().sum(new int[]{2}).log().add(max.squeeze(2));
        return logP.neg();
    }
}
