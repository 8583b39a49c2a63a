// How RoboJam answers one call with several candidate draws, keeping the one whose PerformanceCharacter is
// nearest the call's, in rounds of responses that a caller steps (the batcher, all of a round together, or the
// browser's one thread, one after another; the bits are the same):
//   1. a call reader reads the call once (every candidate would read it alike: no draw is made before it ends);
//   2. every candidate forks from the reader's state and draws with its own seed; with more candidates than
//      FINALISTS, each pauses at TRIAL_SECONDS of its answer;
//   3. then only the FINALISTS nearest the call in character so far are finished, so that many candidates
//      cost little more than their first seconds each.
// An empty call has no character to match: one draw, kept.
package microjam.robojam;

import microjam.performance.Touches;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

final class Candidates {
    /**
     * How many candidates are finished when more are drawn, and how far (seconds of the answer) every one is
     * drawn before they are chosen. Chosen by `robojam evaluate` on the shipped model with 64 candidates
     * (docs/robojam-model.md, "Related, not copied"): an answer's first seconds tell too little of its
     * character to choose early (16 finalists at 1.5 s kept 15.9 of the 21.3 of 40 that finishing all 64
     * reaches); 32 at 2.5 s keep 20.1 for about half the candidates' steps.
     */
    static final int FINALISTS = 32;
    static final double TRIAL_SECONDS = 2.5;

    private final Response reader;
    private final List<Response> drawn = new ArrayList<>();
    private final double[] callCharacter; // null for an empty call
    private List<Response> finalists = List.of();
    private int round;

    Candidates(Network network, Touches call, Settings settings) {
        int n = call.isEmpty() ? 1 : settings.candidates();
        reader = Response.callReader(network, call, network.conditionsFor(call, call.isEmpty() ? null : PerformanceStyle.of(call)));
        for (int k = 0; k < n; k++) {
            Response candidate = Response.fork(network, reader, settings.candidate(k));
            if (n > FINALISTS) candidate.pauseAt(TRIAL_SECONDS);
            drawn.add(candidate);
        }
        callCharacter = call.isEmpty() ? null : PerformanceCharacter.of(call);
    }

    /** The most network steps this call can take: see Response.maxSteps. */
    static long maxSteps(Model model, Touches call, Settings settings) {
        return Response.maxSteps(model, call, call.isEmpty() ? 1 : settings.candidates());
    }

    /** How many candidates are drawn. */
    int size() {
        return drawn.size();
    }

    /** The responses to step next (each until its advance answers false), once the previous round is stepped; empty when the answer is ready. */
    List<Response> nextRound() {
        return switch (round++) {
            case 0 -> List.of(reader);
            case 1 -> drawn;
            case 2 -> {
                boolean trial = drawn.size() > FINALISTS;
                finalists = trial ? nearest(drawn, FINALISTS) : drawn;
                yield trial ? finalists : List.of();
            }
            default -> List.of();
        };
    }

    /** The kept draw: of the finalists, the one nearest the call in character. */
    Touches answer() {
        if (round < 3) throw new IllegalStateException("the answer is ready once every round is stepped");
        return finalists.size() == 1 ? finalists.getFirst().touches() : nearest(finalists, 1).getFirst().touches();
    }

    /** Network steps taken, all rounds together. */
    int steps() {
        return reader.steps + drawn.stream().mapToInt(r -> r.steps).sum();
    }

    /** The k responses whose touches (so far) are nearest the call in character, the earlier first among equals. */
    private List<Response> nearest(List<Response> responses, int k) {
        double[] distance = responses.stream().mapToDouble(r -> {
            Touches touches = r.touches();
            return touches.isEmpty() ? Double.POSITIVE_INFINITY : PerformanceCharacter.distance(callCharacter, PerformanceCharacter.of(touches));
        }).toArray();
        return IntStream.range(0, responses.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> distance[i]).thenComparingInt(i -> i))
                .limit(k).map(responses::get).toList();
    }
}
