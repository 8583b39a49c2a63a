// A model that predicts dt in log space: the map runs over [0, 1] as dt runs over [0, 5] s and back
// again exactly, its derivative is the one the NLL's change of variables uses, and RoboJam turns the
// predicted u back into a gap while it feeds the gap itself (not u) back into the network.
package microjam.robojam;

import microjam.performance.Touches;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LogDtTest {
    @Test
    void uRunsOverZeroToOneAsDtRunsOverZeroToFiveSecondsAndMapsBack() {
        assertThat(LogDt.toLog(0)).isEqualTo(0.0);
        assertThat(LogDt.toLog(5)).isCloseTo(1.0, within(1e-12));
        double previous = -1;
        for (double dt = 0; dt <= 5; dt += 0.0005) {
            double u = LogDt.toLog(dt);
            assertThat(u).as("increasing at %s", dt).isGreaterThan(previous);
            assertThat(LogDt.fromLog(u)).as("back from u at %s", dt).isCloseTo(dt, within(1e-12 + 1e-12 * dt));
            previous = u;
        }
        assertThat(LogDt.toLog(1.0 / 60)).as("a 60 Hz swipe sits low").isBetween(0.1, 0.2);
        assertThat(LogDt.toLog(1.0) - LogDt.toLog(0.1)).as("pauses of 0.1–1 s get a third of the range").isBetween(0.3, 0.4);
    }

    @Test
    void theLogDerivativeIsTheSlopeOfTheMap() {
        for (double dt : new double[]{0, 0.001, 1.0 / 60, 0.1, 0.5, 2, 4.9}) {
            double h = 1e-7, slope = (LogDt.toLog(dt + h) - LogDt.toLog(Math.max(0, dt - h))) / (dt + h - Math.max(0, dt - h));
            assertThat(LogDt.logDerivative(dt)).as("at %s s", dt).isCloseTo(Math.log(slope), within(1e-5));
        }
    }

    /** The centred random model of PerformanceStartTest with every dt mean at u = 0.4 (a gap of ~0.11 s). */
    private static Model model(boolean logDt) {
        Model centred = PerformanceStartTest.model(false);
        Weights w = centred.weights();
        float[] headBias = w.headBias().clone();
        for (int k = 0; k < PerformanceStartTest.SHAPE.mixtures(); k++) headBias[k * 3 + 2] = 0.4f * centred.scale();
        return new Model(centred.name(), centred.data(), centred.contract().withDt(logDt ? Contract.Dt.LOG : Contract.Dt.LINEAR), Map.of(),
                new Weights(w.shape(), w.inputKernel(), w.recurrentKernel(), w.bias(), w.headKernel(), headBias));
    }

    @Test
    void robojamTurnsThePredictedUBackIntoAGapAndFeedsTheGap() {
        Touches call = RoboJamTest.call(40);
        float[][] callRows = PerformanceStartTest.rows(call, false);
        for (boolean logDt : new boolean[]{true, false}) {
            Model model = model(logDt);
            assertThat(model.contract().logDt()).isEqualTo(logDt);
            double[] first = PerformanceStartTest.greedyMean(model, callRows);
            double firstGap = logDt ? LogDt.fromLog(first[2]) : first[2];
            float[][] withFirst = java.util.Arrays.copyOf(callRows, callRows.length + 1);
            withFirst[callRows.length] = new float[]{(float) first[0], (float) first[1], (float) firstGap};
            double second = PerformanceStartTest.greedyMean(model, withFirst)[2], expectedGap = logDt ? LogDt.fromLog(second) : second;
            assertThat(expectedGap).as("the test's gap is not clipped").isBetween(0.01, 1.0);
            try (RoboJam robojam = new RoboJam(model, 1)) {
                Touches response = robojam.respond(call, new Settings(0, 0, 1)).touches();
                assertThat(response.get(0).x()).isCloseTo(first[0], within(1e-5));
                assertThat(response.get(1).time()).as("log dt %s: the second touch comes the gap after the first", logDt)
                        .isCloseTo(expectedGap, within(1e-5));
            }
        }
        assertThat(LogDt.fromLog(0.4)).as("the two readings of the same mean differ").isLessThan(0.2);
    }
}
