// Relatedness tells an answer that answers its call from one that answers another or none, and the copy measure
// tells retracing a call from playing beside it.
package microjam.train;

import microjam.performance.Touch;
import microjam.performance.Touches;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RelatednessTest {
    /** A performance with its own place, spread, pace and moving share. */
    static Touches performance(Random random) {
        double cx = 0.2 + 0.6 * random.nextDouble(), cy = 0.2 + 0.6 * random.nextDouble(), spread = 0.02 + 0.2 * random.nextDouble();
        double gap = Math.exp(Math.log(0.017) + random.nextDouble() * Math.log(10)), movingShare = random.nextDouble();
        List<Touch> touches = new ArrayList<>();
        for (double t = 0; t < 5 && touches.size() < 300; t += gap)
            touches.add(new Touch(t, clip(cx + spread * random.nextGaussian()), clip(cy + spread * random.nextGaussian()), 0,
                    !touches.isEmpty() && random.nextDouble() < movingShare));
        return new Touches(touches);
    }

    static List<Touches> performances(int n, long seed) {
        Random random = new Random(seed);
        List<Touches> list = new ArrayList<>();
        for (int i = 0; i < n; i++) list.add(performance(random));
        return list;
    }

    @Test
    void anAnswerThatIsItsCallIsAlwaysNearestItsOwnAndOneThatIsAnothersNever() {
        List<Touches> calls = performances(80, 1);
        assertThat(Relatedness.ownNearest(calls, calls, 40, 50, 7)).isEqualTo(1.0);
        List<Touches> shifted = new ArrayList<>(calls.subList(1, calls.size()));
        shifted.add(calls.getFirst());
        assertThat(Relatedness.ownNearest(calls, shifted, 80, 5, 7)).as("each answer is the next call, among all 80: nearest to that one").isEqualTo(0.0);
    }

    @Test
    void unrelatedAnswersAreNearestTheirOwnCallByChanceOnly() {
        List<Touches> calls = performances(120, 2), unrelated = performances(120, 3);
        assertThat(Relatedness.ownNearest(calls, unrelated, 40, 500, 7)).as("chance is 1 in 40").isCloseTo(1 / 40.0, within(0.01));
        assertThat(Relatedness.ownNearest(calls, unrelated, 10, 500, 7)).as("chance is 1 in 10").isCloseTo(1 / 10.0, within(0.02));
    }

    @Test
    void copyingCountsTouchesThatRetraceTheCallInPlaceAndTime() {
        Touches call = performances(1, 4).getFirst();
        assertThat(Relatedness.copiedShare(call, call)).isEqualTo(1.0);
        assertThat(Relatedness.copiedShare(call, moved(call, 0.03, 0.04))).as("30 ms and 0.04 of the square later: retraced").isEqualTo(1.0);
        List<Touch> low = new ArrayList<>(), high = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            low.add(new Touch(i * 0.05, 0.1 + i * 0.006, 0.2, 0, i > 0));
            high.add(new Touch(i * 0.05, 0.1 + i * 0.006, 0.8, 0, i > 0));
        }
        assertThat(Relatedness.copiedShare(new Touches(low), new Touches(high))).as("the same gesture elsewhere on the square").isEqualTo(0.0);
        Touches late = moved(call, 0.5, 0);
        assertThat(Relatedness.copiedShare(call, late)).as("the same places half a second later, for a sparse call")
                .isLessThan(1.0);
        List<Touch> half = new ArrayList<>(call.list().subList(0, call.size() / 2));
        for (Touch t : call.list().subList(call.size() / 2, call.size())) half.add(new Touch(t.time(), 1 - t.x(), 1 - t.y(), 0, t.moving()));
        assertThat(Relatedness.copied(List.of(call, call), List.of(call, new Touches(half)))).isBetween(0.5, 1.0);
    }

    private static Touches moved(Touches t, double seconds, double dx) {
        List<Touch> out = new ArrayList<>();
        for (Touch touch : t.list()) if (touch.time() + seconds <= 5) out.add(new Touch(touch.time() + seconds, clip(touch.x() + dx), touch.y(), 0, touch.moving()));
        return new Touches(out);
    }

    private static double clip(double v) {
        return Math.min(1, Math.max(0, v));
    }
}
