// The start of a performance as one input step: [x, y, dt] = [-1, -1, -1] before scaling, outside the
// range of every real touch (x, y in [0, 1], dt in [0, 5] s), so the network cannot mistake it for one.
// A model trained on a stream of performances with this step before each of them (its metadata says
// input.performance-start=true) reads it before the call and again before its response: it then knows
// where the response begins and that no other performance starts inside it. Without the marker, such a
// model had learned that the style may switch at any step (a boundary every ~160 touches in training),
// and its responses did not keep one style: their first and second halves' touch rates correlated 0.08,
// people's 0.81.
package microjam.robojam;

public final class PerformanceStart {
    public static final String METADATA_KEY = "input.performance-start";
    public static final float X = -1f, Y = -1f, DT = -1f;

    private PerformanceStart() {
    }

    /** Whether the model was trained with the marker before each performance. */
    public static boolean marked(Model model) {
        return "true".equals(model.metadata().get(METADATA_KEY));
    }

    /** Whether an unscaled input row [x, y, dt] is the marker. */
    public static boolean is(float[] row) {
        return row[2] < 0;
    }
}
