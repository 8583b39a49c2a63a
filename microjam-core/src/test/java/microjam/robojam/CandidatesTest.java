// Many candidates for little more than their first seconds each: a candidate paused at a time and resumed
// draws exactly what it would have drawn without the pause; the call is read once for all candidates; with
// more candidates than FINALISTS only the finalists are finished, and the answer is the same on the batcher
// (all together) as on one thread (the browser's way), in fewer steps than finishing every candidate.
package microjam.robojam;

import microjam.performance.Touch;
import microjam.performance.Touches;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CandidatesTest {
    static final Model MODEL = RandomModel.create(new Shape(2, 64, 5, 3), 11);
    final Network network = new Network(MODEL);

    /** Steps one response alone from where it is until it is done or paused. */
    void step(Response response) {
        if (!response.start()) return;
        Network.Batch batch = new Network.Batch(1, null);
        batch.size = 1;
        batch.states[0] = response.state;
        do network.step(batch); while (response.advance());
    }

    Response readCall(Touches call) {
        Response reader = Response.callReader(network, call, network.conditionsFor(call, PerformanceStyle.of(call)));
        step(reader);
        return reader;
    }

    @Test
    void aPausedCandidateResumesWithTheBitsOfAnUninterruptedDraw() {
        for (long seed = 1; seed <= 20; seed++) {
            Response reader = readCall(RoboJamTest.call(60));
            Response whole = Response.fork(network, reader, new Settings(1.0, 0.5, seed));
            step(whole);
            List<Touch> all = whole.touches().list();
            assertThat(all.getLast().time()).as("an answer that goes past the pause").isGreaterThan(1.5);

            Response paused = Response.fork(network, reader, new Settings(1.0, 0.5, seed));
            paused.pauseAt(1.0);
            step(paused);
            List<Touch> before = paused.touches().list();
            assertThat(paused.done()).isFalse();
            assertThat(before.getLast().time()).as("paused at the first touch at or past 1 s").isGreaterThanOrEqualTo(1.0);
            assertThat(before.subList(0, before.size() - 1)).allSatisfy(t -> assertThat(t.time()).isLessThan(1.0));
            assertThat(all.subList(0, before.size())).isEqualTo(before);

            step(paused);
            assertThat(paused.done()).isTrue();
            assertThat(paused.touches()).isEqualTo(whole.touches());
            assertThat(paused.steps).isEqualTo(whole.steps);
            assertThat(paused.start()).as("done stays done").isFalse();
        }
    }

    @Test
    void aCandidateStartsOnlyOnceTheCallIsRead() {
        Touches call = RoboJamTest.call(10);
        Response reader = Response.callReader(network, call, null);
        Response early = Response.fork(network, reader, new Settings(1.0, 0.5, 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(early::start).isInstanceOf(IllegalStateException.class);
        step(reader);
        assertThat(reader.steps).as("one step per call touch").isEqualTo(10);
        assertThat(early.start()).isTrue();
    }

    @Test
    void manyCandidatesFinishOnlyTheFinalistsAndAnswerAlikeTogetherAndAlone() {
        Touches call = RoboJamTest.call(80);
        Settings settings = new Settings(1.0, 0.5, 5, Settings.MAX_CANDIDATES);
        assertThat(Settings.MAX_CANDIDATES).isGreaterThan(Candidates.FINALISTS);
        try (RoboJam robojam = new RoboJam(MODEL, 2)) {
            RoboJam.Answer together = robojam.respond(call, settings);
            RoboJam.Answer alone = RoboJam.respondHere(network, call, settings);
            assertThat(together.touches()).isEqualTo(alone.touches());
            assertThat(together.steps()).isEqualTo(alone.steps());

            // The rule, from outside: every candidate drawn to TRIAL_SECONDS, the FINALISTS nearest the call then finished.
            Response reader = readCall(call);
            double[] character = PerformanceCharacter.of(call);
            List<Response> paused = new ArrayList<>(), finished = new ArrayList<>();
            for (int k = 0; k < Settings.MAX_CANDIDATES; k++) {
                Response trial = Response.fork(network, reader, settings.candidate(k)), whole = Response.fork(network, reader, settings.candidate(k));
                trial.pauseAt(Candidates.TRIAL_SECONDS);
                step(trial);
                step(whole);
                paused.add(trial);
                finished.add(whole);
            }
            List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, paused.size()).boxed().toList());
            order.sort(java.util.Comparator.comparingDouble(k -> PerformanceCharacter.distance(character, PerformanceCharacter.of(paused.get(k).touches()))));
            List<Integer> finalists = order.subList(0, Candidates.FINALISTS);
            int expectedSteps = reader.steps;
            for (int k = 0; k < paused.size(); k++) expectedSteps += finalists.contains(k) ? finished.get(k).steps : paused.get(k).steps;
            Touches expected = finalists.stream().map(finished::get).map(Response::touches)
                    .min(java.util.Comparator.comparingDouble(t -> PerformanceCharacter.distance(character, PerformanceCharacter.of(t)))).orElseThrow();
            int everyCandidateFinished = reader.steps + finished.stream().mapToInt(r -> r.steps).sum();
            assertThat(together.steps()).as("the call read once, the finalists finished, the rest stopped at the trial").isEqualTo(expectedSteps)
                    .isLessThan(everyCandidateFinished);
            assertThat(together.touches()).as("the finalist nearest the call").isEqualTo(expected);
        }
    }
}
