// Evaluation's building blocks: features of hand-built performances, the baselines, and the
// teacher-forced NLL computed with the Java kernel equal to the trainer's loss on the same weights.
package microjam.train;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import microjam.performance.TouchCsv;
import microjam.performance.Touches;
import microjam.robojam.RandomModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvaluateTest {
    @Test
    void featuresOfAHandBuiltPerformance() {
        // a tap, then a swipe of three moves 0.1 apart, then a tap: 5 touches in 1 s
        Touches t = TouchCsv.read("""
                time,x,y,z,moving
                0.0, 0.0, 0.0, 0, 0
                0.25, 0.5, 0.5, 0, 0
                0.5, 0.6, 0.5, 0, 1
                0.75, 0.7, 0.5, 0, 1
                1.0, 1.0, 1.0, 0, 0
                """);
        Map<String, double[]> f = Features.of(List.of(t));
        assertThat(f.get("dt")).containsExactly(0.25, 0.25, 0.25, 0.25);
        assertThat(f.get("touches per second")[0]).isCloseTo(5.0, within(1e-9));
        assertThat(f.get("fraction moving")[0]).isCloseTo(0.4, within(1e-9));
        assertThat(f.get("swipe length")).hasSize(1);
        assertThat(f.get("swipe length")[0]).isCloseTo(0.2, within(1e-9));
        assertThat(f.get("x")).containsExactly(0.0, 0.5, 0.6, 0.7, 1.0);
    }

    @Test
    void uniformBaselineIsAValidFiveSecondPerformance() {
        Touches u = EvaluateCommand.uniform(100, new Random(1));
        assertThat(u.size()).isEqualTo(100);
        assertThat(u.get(99).time()).isLessThanOrEqualTo(5.0);
        assertThat(TouchCsv.read(TouchCsv.write(u)).size()).isEqualTo(100);
    }

    @Test
    void theKernelsNllEqualsTheTrainersLoss() {
        microjam.robojam.Shape shape = new microjam.robojam.Shape(1, 12, 3, 3);
        microjam.robojam.Model random = RandomModel.create(shape, 4);
        Random r = new Random(2);
        float[][] touches = new float[40][];
        for (int i = 0; i < 40; i++) touches[i] = new float[]{r.nextFloat(), r.nextFloat(), r.nextFloat() * 0.1f};
        Session session = new Session("s", touches, new boolean[40]);
        double kernel = EvaluateCommand.nll(random, List.of(session));
        try (NDManager manager = NDManager.newBaseManager(); Model model = MdnNetwork.model(shape, manager)) {
            Training.load(model.getBlock(), random.weights());
            float[] in = new float[39 * 3], target = new float[39 * 3];
            for (int i = 0; i < 39; i++)
                for (int d = 0; d < 3; d++) {
                    in[i * 3 + d] = touches[i][d] * random.scale();
                    target[i * 3 + d] = touches[i + 1][d] * random.scale();
                }
            var out = model.getBlock().forward(new ParameterStore(manager, false), new NDList(manager.create(in, new Shape(1, 39, 3))), false).singletonOrThrow();
            double djl = new MdnLoss(3, 3).negativeLogLikelihood(out, manager.create(target, new Shape(1, 39, 3))).mean().getFloat();
            assertThat(kernel).isCloseTo(djl, within(1e-3 * Math.max(1, Math.abs(djl))));
        }
    }

    @Test
    void theHumanNoiseBandSeparatesLikeFromUnlike() {
        Random random = new Random(3);
        List<Touches> people = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) people.add(EvaluateCommand.uniform(60 + random.nextInt(60), random));
        Map<String, Double> band = HumanNoise.band95(people, 20, 5);
        assertThat(band.keySet()).containsExactlyElementsOf(Features.NAMES);
        assertThat(band.get("x")).isBetween(0.0, 0.2);
        // performances squeezed into the left tenth of the square are far outside the band on x
        List<Touches> squeezed = people.subList(0, 20).stream().map(t -> new Touches(t.list().stream()
                .map(touch -> new microjam.performance.Touch(touch.time(), touch.x() / 10, touch.y(), touch.z(), touch.moving())).toList())).toList();
        double ks = org.apache.commons.statistics.inference.KolmogorovSmirnovTest.withDefaults().statistic(
                Features.of(squeezed).get("x"), Features.of(people.subList(20, 40)).get("x"));
        assertThat(ks).isGreaterThan(band.get("x"));
    }

    @Test
    void theMovingRuleMarksTouchesWithin100msOfThePreviousOneAsMoving() {
        Touches recorded = TouchCsv.read("""
                time,x,y,z,moving
                0.0, 0.1, 0.1, 0, 1
                0.05, 0.2, 0.1, 0, 0
                0.2, 0.3, 0.1, 0, 1
                0.3, 0.4, 0.1, 0, 0
                """);
        assertThat(EvaluateCommand.withMovingRule(recorded).list()).extracting(t -> t.moving()).containsExactly(false, true, false, true);
        assertThat(EvaluateCommand.withMovingRule(recorded).list()).extracting(t -> t.x()).containsExactly(0.1, 0.2, 0.3, 0.4);
    }
}
