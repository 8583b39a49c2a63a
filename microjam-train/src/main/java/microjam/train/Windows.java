// Training examples: windows of seqLen + 1 consecutive touches (half-overlapping), the first seqLen the
// input and the last seqLen the target, both multiplied by the scale factor. Cut either from each session
// alone, or from one stream of all sessions in a seeded random order: there a window can run from the end
// of one performance into the start of another, as RoboJam does when it answers a call. In the stream,
// each performance may begin with a PerformanceStart step, which RoboJam then also reads before the call
// and before its response; it is an input only, never a target (its weight is 0).
package microjam.train;

import microjam.robojam.PerformanceStart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

public record Windows(List<float[][]> list, int seqLen) {
    public static Windows of(List<Session> sessions, int seqLen) {
        List<float[][]> windows = new ArrayList<>();
        int stride = Math.max(1, seqLen / 2);
        for (Session s : sessions)
            for (int start = 0; start + seqLen + 1 <= s.length(); start += stride)
                windows.add(Arrays.copyOfRange(s.touches(), start, start + seqLen + 1));
        return new Windows(List.copyOf(windows), seqLen);
    }

    public static Windows stream(List<Session> sessions, int seqLen, long seed, boolean startSteps) {
        List<Session> order = new ArrayList<>(sessions);
        java.util.Collections.shuffle(order, new java.util.Random(seed));
        float[] start = PerformanceStart.input(1f);
        float[][] all = order.stream().flatMap(s -> Stream.concat(startSteps ? Stream.of(start) : Stream.empty(), Arrays.stream(s.touches())))
                .toArray(float[][]::new);
        return of(List.of(new Session("stream", all, new boolean[all.length])), seqLen);
    }

    public int size() {
        return list.size();
    }

    /** Inputs (offset 0) or targets (offset 1) of the given windows as one (B, T, 3) float buffer. */
    public float[] batch(int[] indices, int from, int count, int offset, float scale) {
        float[] out = new float[count * seqLen * 3];
        int i = 0;
        for (int b = 0; b < count; b++) {
            float[][] w = list.get(indices[from + b]);
            for (int t = 0; t < seqLen; t++) for (int d = 0; d < 3; d++) out[i++] = w[t + offset][d] * scale;
        }
        return out;
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
