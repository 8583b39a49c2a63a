// The KS table over random partitions: every answerer is judged on the same partitions, replaying the
// calls is two groups of people, and answers unlike people fall outside the band.
package microjam.train;

import microjam.performance.Touch;
import microjam.performance.Touches;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PartitionsTest {
    /** Performances with their touches in the left half of the square, as one group of people might play. */
    private static List<Touches> leftHanded(int count, Random random) {
        List<Touches> people = new ArrayList<>();
        for (int i = 0; i < count; i++) people.add(squeezed(EvaluateCommand.uniform(40 + random.nextInt(60), random), 0.5));
        return people;
    }

    private static Touches squeezed(Touches t, double factor) {
        return new Touches(t.list().stream().map(touch -> new Touch(touch.time(), touch.x() * factor, touch.y(), touch.z(), touch.moving())).toList());
    }

    private static List<Touches> uniform(List<Touches> calls, Random random) {
        return calls.stream().map(c -> EvaluateCommand.uniform(c.size(), random)).toList();
    }

    @Test
    void answeringWithTheCallsThemselvesScoresExactlyAsReplayOnEveryPartition() {
        Random random = new Random(1);
        List<Touches> people = leftHanded(40, random);
        Partitions.Result result = Partitions.of(people, people, uniform(people, random), List.of(), 20, 50, 7);
        for (String feature : FeatureDistributions.NAMES) {
            double[] ks = result.meanKs().get(feature);
            assertThat(ks[Partitions.ROBOJAM]).as(feature).isEqualTo(ks[Partitions.REPLAY]);
            assertThat(result.beatsBoth().get(feature)).as("a tie is no win: " + feature).isZero();
            assertThat(ks[Partitions.REAL]).as("no real performances given").isNaN();
        }
        assertThat(result.most()[0]).isZero();
        assertThat(result.most()[1]).isNaN();
    }

    @Test
    void answersSqueezedAwayFromHowPeoplePlayAreOutsideTheBandAndRealOnesAreInside() {
        Random random = new Random(2);
        List<Touches> people = leftHanded(60, random), others = leftHanded(60, random);
        List<Touches> squeezedAnswers = people.stream().map(t -> squeezed(t, 0.2)).toList();
        Partitions.Result result = Partitions.of(people, squeezedAnswers, uniform(people, random), others, 30, 100, 3);
        double[] x = result.meanKs().get("x");
        assertThat(x[Partitions.ROBOJAM]).isGreaterThan(result.humanBand().get("x"));
        assertThat(result.beatsBoth().get("x")).isZero();
        assertThat(x[Partitions.UNIFORM]).as("the whole square, against the left half").isGreaterThan(0.3);
        assertThat(x[Partitions.REAL]).as("other people playing alike: as close as replay, give or take noise")
                .isCloseTo(x[Partitions.REPLAY], within(0.05)).isLessThan(result.humanBand().get("x"));
        assertThat(result.most()[1]).as("people answering people beat both baselines on most features only some of the time").isBetween(0.05, 0.95);
    }

    @Test
    void theCallsAreAtMostHalfThePerformancesAndTooFewAreRefused() {
        Random random = new Random(3);
        List<Touches> people = leftHanded(10, random);
        Partitions.Result result = Partitions.of(people, people, uniform(people, random), List.of(), 60, 5, 1);
        assertThat(result.calls()).isEqualTo(5);
        assertThat(result.reference()).isEqualTo(5);
        assertThatThrownBy(() -> Partitions.of(people.subList(0, 1), people.subList(0, 1), people.subList(0, 1), List.of(), 60, 5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 performances");
    }
}
