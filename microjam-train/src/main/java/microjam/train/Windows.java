// Training examples: windows of seqLen + 1 consecutive touches (half-overlapping), the first seqLen the
// input and the last seqLen the target, both multiplied by the scale factor. Cut either from each session
// alone, or from one stream of all sessions in a seeded random order: there a window can run from the end
// of one performance into the start of another, as RoboJam does when it answers a call. In the stream,
// each performance may begin with a PerformanceStart step, which RoboJam then also reads before the call
// and before its response; it is an input only, never a target (its weight is 0). For a style-conditioned
// model every row carries, after [x, y, dt], the codes of its performance's style (a start step: those of
// the performance it starts), unscaled.
package microjam.train;

import microjam.robojam.Contract;
import microjam.robojam.LogDt;
import microjam.robojam.PerformanceStart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

public record Windows(List<float[][]> list, int seqLen) {
    public static Windows of(List<Session> sessions, int seqLen) {
        return of(sessions, seqLen, 0);
    }

    /** conditions: each row carries its session's style as that many codes (PerformanceStyle.codes), or none for 0. */
    public static Windows of(List<Session> sessions, int seqLen, int conditions) {
        List<float[][]> windows = new ArrayList<>();
        int stride = Math.max(1, seqLen / 2);
        for (Session s : sessions) {
            float[][] rows = rows(s, conditions > 0 ? s.style().codes(conditions) : null);
            for (int start = 0; start + seqLen + 1 <= s.length(); start += stride)
                windows.add(Arrays.copyOfRange(rows, start, start + seqLen + 1));
        }
        return new Windows(List.copyOf(windows), seqLen);
    }

    public static Windows stream(List<Session> sessions, int seqLen, long seed, boolean startSteps, int conditions) {
        List<Session> order = new ArrayList<>(sessions);
        Collections.shuffle(order, new Random(seed));
        float[][] all = order.stream().flatMap(s -> {
            float[] codes = conditions > 0 ? s.style().codes(conditions) : null;
            float[] start = codes != null ? withCodes(PerformanceStart.input(1f), codes) : PerformanceStart.input(1f);
            return Stream.concat(startSteps ? Stream.of(start) : Stream.empty(), Arrays.stream(rows(s, codes)));
        }).toArray(float[][]::new);
        return of(List.of(new Session("stream", all, new boolean[all.length])), seqLen, 0);
    }

    /**
     * The sessions with each one shorter than the median repeated round(median / touches) times, at most maxRepeats:
     * the loss is a mean over touches, so otherwise a 5-second swipe of 300 touches weighs as much as 20 sparse tap
     * performances, and the network rarely learns to play sparsely. maxRepeats 1 gives the sessions as they are.
     */
    public static List<Session> balanced(List<Session> sessions, int maxRepeats) {
        if (maxRepeats <= 1 || sessions.isEmpty()) return sessions;
        int[] lengths = sessions.stream().mapToInt(Session::length).sorted().toArray();
        double median = lengths[lengths.length / 2];
        List<Session> out = new ArrayList<>();
        for (Session s : sessions) {
            long repeats = Math.min(maxRepeats, Math.max(1, Math.round(median / Math.max(1, s.length()))));
            for (int i = 0; i < repeats; i++) out.add(s);
        }
        return out;
    }

    /** The session's touches, each followed by these style codes where given. */
    private static float[][] rows(Session s, float[] codes) {
        if (codes == null) return s.touches();
        return Arrays.stream(s.touches()).map(t -> withCodes(t, codes)).toArray(float[][]::new);
    }

    /** A row's [x, y, dt] as the network reads it: a start step's, or a touch's. */
    private static float[] row(float[] row, Contract contract) {
        return PerformanceStart.is(row) ? contract.startRow() : contract.touchRow(row[0], row[1], row[2]);
    }

    /** A row [x, y, dt] followed by style codes. */
    static float[] withCodes(float[] touch, float[] codes) {
        float[] row = Arrays.copyOf(touch, 3 + codes.length);
        System.arraycopy(codes, 0, row, 3, codes.length);
        return row;
    }

    public int size() {
        return list.size();
    }

    /** Inputs of the given windows, each touch or start step as the contract's row and any style codes, as one (B, T, 3 + codes) float buffer. */
    public float[] inputs(int[] indices, int from, int count, Contract contract) {
        int width = list.getFirst()[0].length;
        float[] out = new float[count * seqLen * width];
        int i = 0;
        for (int b = 0; b < count; b++) {
            float[][] w = list.get(indices[from + b]);
            for (int t = 0; t < seqLen; t++) {
                float[] row = row(w[t], contract);
                for (int d = 0; d < width; d++) out[i++] = d < 3 ? row[d] : w[t][d];
            }
        }
        return out;
    }

    /** Targets (each input's next touch) as the contract's head predicts them; a start step stays as it is read (its weight is 0). */
    public float[] targets(int[] indices, int from, int count, Contract contract) {
        float[] out = new float[count * seqLen * 3];
        int i = 0;
        for (int b = 0; b < count; b++) {
            float[][] w = list.get(indices[from + b]);
            for (int t = 0; t < seqLen; t++) {
                float[] touch = w[t + 1], row = row(touch, contract);
                out[i++] = row[0];
                out[i++] = row[1];
                out[i++] = PerformanceStart.is(touch) ? row[2] : contract.dtTarget(touch[2]);
            }
        }
        return out;
    }

    /**
     * For a LogDt model: the mean over the scored targets of −ln(du/d dt), which turns the loss on u into an NLL over dt
     * (a constant for these windows, so adding it changes no gradient).
     */
    public double changeOfVariables() {
        double sum = 0;
        long count = 0;
        for (float[][] w : list)
            for (int t = 1; t <= seqLen; t++)
                if (!PerformanceStart.is(w[t])) {
                    sum -= LogDt.logDerivative(w[t][2]);
                    count++;
                }
        return count == 0 ? 0 : sum / count;
    }

    /** Each target's weight in the loss, (B, T): 0 where the target is a PerformanceStart step, else 1. */
    public float[] weights(int[] indices, int from, int count) {
        float[] out = new float[count * seqLen];
        int i = 0;
        for (int b = 0; b < count; b++) {
            float[][] w = list.get(indices[from + b]);
            for (int t = 0; t < seqLen; t++) out[i++] = PerformanceStart.is(w[t + 1]) ? 0f : 1f;
        }
        return out;
    }
}
