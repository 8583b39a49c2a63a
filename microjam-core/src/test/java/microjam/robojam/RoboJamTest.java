// A response is always a valid performance, at most 5 s, the same for the same seed, different for
// another seed; 32 parallel requests give exactly what they give one at a time, also beside calls that
// are cancelled. Admission: past the budget a call is refused before any work; a cancelled or late call
// frees its share at once; closing RoboJam fails every call still waiting, queued ones included.
package microjam.robojam;

import microjam.performance.Touch;
import microjam.performance.TouchCsv;
import microjam.performance.Touches;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class RoboJamTest {
    static RoboJam robojam;

    @BeforeAll
    static void load() {
        robojam = new RoboJam(RandomModel.create(new Shape(2, 64, 5, 3), 5), 2);
    }

    @AfterAll
    static void close() {
        robojam.close();
    }

    static Touches call(int n) {
        List<Touch> touches = new ArrayList<>();
        for (int i = 0; i < n; i++) touches.add(new Touch(i * 0.02, (i % 30) / 30.0, 0.3 + 0.002 * i, 10, i % 15 != 0));
        return new Touches(touches);
    }

    @Test
    void aResponseIsAlwaysAValidPerformanceOfAtMostFiveSeconds() {
        for (int seed = 0; seed < 40; seed++) {
            for (Settings settings : new Settings[]{Settings.defaults(seed), new Settings(3, 1, seed), new Settings(0, 0, seed)}) {
                Touches response = robojam.respond(call(seed * 5), settings).touches();
                assertThat(response.size()).isBetween(1, Response.MAX_TOUCHES);
                assertThat(TouchCsv.read(TouchCsv.write(response)).size()).as("valid under the CSV rules").isEqualTo(response.size());
                assertThat(response.get(response.size() - 1).time()).isLessThanOrEqualTo(Touches.MAX_SECONDS);
                assertThat(response.get(0).time()).isZero();
                assertThat(response.get(0).moving()).as("the first touch is a tap").isFalse();
                for (int i = 1; i < response.size(); i++) {
                    double dt = response.get(i).time() - response.get(i - 1).time();
                    assertThat(response.get(i).moving()).as("tap when dt > 0.1 s").isEqualTo(dt <= Response.TAP_AFTER + 1e-12);
                    assertThat(dt).isGreaterThanOrEqualTo(Contract.MIN_DT - 1e-12);
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameResponseAndAnotherSeedAnotherOne() {
        Touches call = call(100);
        Touches first = robojam.respond(call, Settings.defaults(42)).touches();
        assertThat(robojam.respond(call, Settings.defaults(42)).touches()).isEqualTo(first);
        assertThat(robojam.respond(call, Settings.defaults(43)).touches()).isNotEqualTo(first);
        assertThat(robojam.respond(call(99), Settings.defaults(42)).touches()).as("the call conditions the answer").isNotEqualTo(first);
    }

    @Test
    void anEmptyCallGetsAnUnconditionedResponse() {
        Touches response = robojam.respond(Touches.NONE, Settings.defaults(1)).touches();
        assertThat(response.size()).isPositive();
        assertThat(robojam.respond(Touches.NONE, Settings.defaults(1)).touches()).isEqualTo(response);
    }

    @Test
    void thirtyTwoParallelRequestsGiveWhatTheyGiveOneAtATime() throws Exception {
        int n = 32;
        List<Touches> alone = new ArrayList<>();
        for (int i = 0; i < n; i++) alone.add(robojam.respond(call(20 + i * 3), Settings.defaults(1000 + i)).touches());
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<Touches>> together = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                together.add(pool.submit(() -> robojam.respond(call(20 + index * 3), Settings.defaults(1000 + index)).touches()));
            }
            for (int i = 0; i < n; i++) assertThat(together.get(i).get()).as("request %d", i).isEqualTo(alone.get(i));
        }
    }

    @Test
    void settingsHaveBounds() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Settings(-1, 0.01, 1)).hasMessageContaining("temperature must be between 0 and 10");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Settings(1, Double.NaN, 1)).hasMessageContaining("sigmaTemperature");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Settings(1, 0.5, 1, 0)).hasMessageContaining("candidates must be between 1 and 64");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Settings(1, 0.5, 1, 65)).hasMessageContaining("candidates must be between 1 and 64");
    }

    @Test
    void withCandidatesTheAnswerIsTheDrawNearestTheCallInCharacter() {
        Touches call = call(120);
        double[] character = PerformanceCharacter.of(call);
        int differentChoice = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Settings settings = new Settings(1.0, 0.5, seed, 6);
            RoboJam.Answer answer = robojam.respond(call, settings);
            List<RoboJam.Answer> draws = new ArrayList<>();
            for (int k = 0; k < 6; k++) draws.add(robojam.respond(call, settings.candidate(k)));
            RoboJam.Answer nearest = draws.stream().min(java.util.Comparator.comparingDouble(d -> PerformanceCharacter.distance(character, PerformanceCharacter.of(d.touches()))))
                    .orElseThrow();
            RoboJam.Answer nearestInStyle = draws.stream().min(java.util.Comparator.comparingDouble(d -> PerformanceStyle.of(call).distance(PerformanceStyle.of(d.touches()))))
                    .orElseThrow();
            if (nearestInStyle != nearest) differentChoice++;
            assertThat(TouchCsv.write(answer.touches())).as("seed %d", seed).isEqualTo(TouchCsv.write(nearest.touches()));
            assertThat(answer.steps()).as("every candidate's steps are counted, the call read once for all")
                    .isEqualTo(draws.stream().mapToInt(RoboJam.Answer::steps).sum() - 5 * Response.inputs(robojam.model(), call));
            assertThat(draws.stream().map(d -> TouchCsv.write(d.touches())).distinct().count()).as("the candidates differ").isEqualTo(6);
        }
        assertThat(differentChoice).as("the seeds tell the character from the style alone: the two choices differ for some").isPositive();
        assertThat(TouchCsv.write(robojam.respond(call, new Settings(1.0, 0.5, 9)).touches())).as("one candidate is the plain draw")
                .isEqualTo(TouchCsv.write(robojam.respond(call, new Settings(1.0, 0.5, 9, 1)).touches()));
        assertThat(TouchCsv.write(robojam.respond(Touches.NONE, new Settings(1.0, 0.5, 9, 6)).touches())).as("an empty call has no character to match: its first draw")
                .isEqualTo(TouchCsv.write(robojam.respond(Touches.NONE, new Settings(1.0, 0.5, 9)).touches()));
    }

    /** The longest call there is: 2,000 touches in 5 s. */
    static Touches longest() {
        List<Touch> touches = new ArrayList<>();
        for (int i = 0; i < Touches.MAX_TOUCHES; i++) touches.add(new Touch(i * 0.0025, (i % 30) / 30.0, 0.3 + 0.0002 * i, 10, i % 15 != 0));
        return new Touches(touches);
    }

    static Settings worst(long seed) {
        return new Settings(1.0, 0.5, seed, Settings.MAX_CANDIDATES);
    }

    @Test
    void pastTheBudgetACallIsRefusedAtOnceAndCancellingFreesItsShare() throws Exception {
        try (RoboJam small = new RoboJam(RandomModel.create(new Shape(2, 64, 5, 3), 5), 1, RoboJam.LARGEST_CALL_STEPS)) {
            RoboJam.Pending largest = small.start(longest(), worst(1));
            assertThat(small.load().stepsInFlight()).as("the call read once, then up to 1,000 touches per candidate")
                    .isEqualTo(Touches.MAX_TOUCHES + Settings.MAX_CANDIDATES * Response.MAX_TOUCHES);
            assertThat(small.load().draws()).isEqualTo(Settings.MAX_CANDIDATES);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> small.start(call(1), Settings.defaults(1)))
                    .isInstanceOf(RoboJam.Busy.class).hasMessageContaining("RoboJam is busy");
            assertThat(small.load().refused()).isEqualTo(1);
            assertThat(small.load().draws()).as("a refused call draws nothing").isEqualTo(Settings.MAX_CANDIDATES);

            largest.cancel();
            assertThat(small.load().stepsInFlight()).as("freed at once").isZero();
            assertThat(small.load().cancelled()).as("the call reader, or every candidate if the call was read meanwhile")
                    .isIn(1L, (long) Settings.MAX_CANDIDATES);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> largest.await(Duration.ofSeconds(5))).isInstanceOf(CancellationException.class);
            assertThat(small.start(call(1), Settings.defaults(1)).await(Duration.ofSeconds(30)).touches()).as("room again")
                    .isEqualTo(small.respond(call(1), Settings.defaults(1)).touches());
        }
    }

    @Test
    void aCallPastItsTimeoutIsCancelledAndFreesItsShare() {
        RoboJam.Pending late = robojam.start(longest(), worst(2));
        // A timeout already up: 20 ms was once longer than this small model's whole answer (CI, after the call came to
        // be read once), so the call was not late at all.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> late.await(Duration.ZERO)).isInstanceOf(TimeoutException.class);
        assertThat(robojam.load().stepsInFlight()).isZero();
    }

    @Test
    void anAnswerIsTheSameBesideCallsThatAreCancelled() throws Exception {
        Touches call = call(150);
        Touches alone = robojam.respond(call, new Settings(1.0, 0.5, 77, 4)).touches();
        List<RoboJam.Pending> abandoned = new ArrayList<>();
        for (int i = 0; i < 3; i++) abandoned.add(robojam.start(longest(), worst(100 + i)));
        RoboJam.Pending kept = robojam.start(call, new Settings(1.0, 0.5, 77, 4));
        Thread.sleep(50);
        abandoned.forEach(RoboJam.Pending::cancel); // mid-batch
        assertThat(kept.await(Duration.ofSeconds(30)).touches()).isEqualTo(alone);
    }

    @Test
    void closingFailsEveryWaitingCallAtOnceQueuedOnesIncluded() throws Exception {
        RoboJam closing = new RoboJam(RandomModel.create(new Shape(2, 256, 5, 3), 5), 1);
        int calls = 8; // 8 calls of 64 candidates: a full batch, the rest queued
        try (ExecutorService pool = Executors.newFixedThreadPool(calls)) {
            List<Future<?>> waiting = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                long seed = i;
                waiting.add(pool.submit(() -> closing.respond(longest(), worst(seed))));
            }
            Thread.sleep(500);
            long start = System.nanoTime();
            closing.close();
            for (Future<?> f : waiting)
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).as("failed, not left to time out")
                        .isInstanceOf(ExecutionException.class).hasMessageContaining("RoboJam is shut down");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }
}
