// A model trained with PerformanceStart steps reads one before the call and one after it, so its first
// touch is drawn from the state after [start, call, start]; a model without them goes on from the call.
package microjam.robojam;

import microjam.performance.Touches;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PerformanceStartTest {
    static final Shape SHAPE = new Shape(2, 32, 3, 3);

    /** A random model whose x and y means sit near the middle of the square, so greedy touches are not clipped. */
    static Model model(boolean marked) {
        return model(SHAPE, c -> c.withStartSteps(marked));
    }

    /** contract: what the model's contract is made from a plain one. */
    static Model model(Shape shape, java.util.function.UnaryOperator<Contract> contract) {
        Model random = RandomModel.create(shape, 8);
        Weights w = random.weights();
        float[] headBias = w.headBias().clone();
        for (int k = 0; k < shape.mixtures(); k++) {
            headBias[k * 3] = 0.5f * random.scale();
            headBias[k * 3 + 1] = 0.5f * random.scale();
        }
        Weights centred = new Weights(shape, w.inputKernel(), w.recurrentKernel(), w.bias(), w.headKernel(), headBias);
        return new Model(random.name(), random.data(), contract.apply(random.contract()), Map.of(), centred);
    }

    /** The greedy component's mean [x, y, third dimension], unscaled, from the head output after these unscaled inputs (and any conditions after them). */
    static double[] greedyMean(Model model, float[][] unscaled) {
        float[][] inputs = new float[unscaled.length][];
        for (int i = 0; i < unscaled.length; i++) {
            inputs[i] = unscaled[i].clone();
            for (int d = 0; d < 3; d++) inputs[i][d] *= model.scale();
        }
        float[] head = new Network(model).headOutputs(inputs)[inputs.length - 1];
        int mixtures = model.shape().mixtures(), kd = mixtures * 3, best = 0;
        for (int k = 1; k < mixtures; k++) if (head[2 * kd + k] > head[2 * kd + best]) best = k;
        return new double[]{head[best * 3] / model.scale(), head[best * 3 + 1] / model.scale(), head[best * 3 + 2] / model.scale()};
    }

    static float[][] rows(Touches call, boolean marked) {
        int lead = marked ? 1 : 0;
        float[][] rows = new float[call.size() + 2 * lead][];
        float[] start = {PerformanceStart.X, PerformanceStart.Y, PerformanceStart.DT};
        if (marked) rows[0] = rows[rows.length - 1] = start;
        for (int i = 0; i < call.size(); i++)
            rows[i + lead] = new float[]{(float) call.get(i).x(), (float) call.get(i).y(), (float) (i == 0 ? call.get(0).time() : call.get(i).time() - call.get(i - 1).time())};
        return rows;
    }

    @Test
    void aMarkedModelAnswersFromTheStateAfterStartCallStart() {
        Touches call = RoboJamTest.call(40);
        for (boolean marked : new boolean[]{true, false}) {
            Model model = model(marked);
            assertThat(model.contract().startSteps()).isEqualTo(marked);
            try (RoboJam robojam = new RoboJam(model, 1)) {
                var first = robojam.respond(call, new Settings(0, 0, 1)).touches().get(0);
                double[] expected = greedyMean(model, rows(call, marked));
                assertThat(first.x()).as("marked %s: x", marked).isCloseTo(expected[0], within(1e-5));
                assertThat(first.y()).as("marked %s: y", marked).isCloseTo(expected[1], within(1e-5));
                double[] other = greedyMean(model, rows(call, !marked));
                assertThat(Math.abs(first.x() - other[0]) + Math.abs(first.y() - other[1])).as("the start steps change the answer").isGreaterThan(1e-4);
            }
        }
    }

    @Test
    void theStartStepIsOutsideEveryRealTouch() {
        assertThat(PerformanceStart.is(new float[]{PerformanceStart.X, PerformanceStart.Y, PerformanceStart.DT})).isTrue();
        assertThat(PerformanceStart.is(new float[]{0, 0, 0})).isFalse();
        assertThat(PerformanceStart.is(new float[]{1, 1, 5})).isFalse();
    }
}
