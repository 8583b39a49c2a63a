// Training examples: windows of seqLen + 1 consecutive touches cut from each session (half-overlapping),
// the first seqLen the input and the last seqLen the target, both multiplied by the scale factor.
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
