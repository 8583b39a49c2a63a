// Training examples: windows of seqLen + 1 consecutive touches (half-overlapping), the first seqLen the
// input and the last seqLen the target, both multiplied by the scale factor. Cut either from each session
// alone, or from one stream of all sessions in a seeded random order: there a window can run from the end
// of one performance into the start of another, as RoboJam does when it answers a call.
package microjam.train;

import java.util.ArrayList;
import java.util.List;

public record Windows(List<float[][]> list, int seqLen) {
    public static Windows of(List<Session> sessions, int seqLen) {
        List<float[][]> windows = new ArrayList<>();
        int stride = Math.max(1, seqLen / 2);
        for (Session s : sessions)
            for (int start = 0; start + seqLen + 1 <= s.length(); start += stride)
                windows.add(java.util.Arrays.copyOfRange(s.touches(), start, start + seqLen + 1));
        return new Windows(List.copyOf(windows), seqLen);
    }

    public static Windows stream(List<Session> sessions, int seqLen, long seed) {
        List<Session> order = new ArrayList<>(sessions);
        java.util.Collections.shuffle(order, new java.util.Random(seed));
        float[][] all = order.stream().flatMap(s -> java.util.Arrays.stream(s.touches())).toArray(float[][]::new);
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
}
