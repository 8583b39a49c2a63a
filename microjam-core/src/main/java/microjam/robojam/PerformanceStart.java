// The start of a performance as one input step: [x, y, dt] = [-1, -1, -1] before scaling, outside the
// range of every real touch (x, y in [0, 1], dt in [0, 5] s), so the network cannot mistake it for one.
// A model trained on a stream of performances with this step before each of them (`train --stream
// --start-steps`; its contract says input.start-steps=true) reads it before the call and again
// before its response, so it knows where the response begins. Without it, a stream-trained model sees a
// new performance begin every ~160 touches with nothing to mark it. Measured (docs/robojam-model.md):
// fine-tuned into a model that predicts dt itself, it predicted held-out touches better but its responses
// were not closer to people's; fine-tuned into a LogDt model, they were, and the shipped model reads it.
package microjam.robojam;

public final class PerformanceStart {
    public static final float X = -1f, Y = -1f, DT = -1f;

    private PerformanceStart() {
    }

    /** The step as an input row [x, y, dt], multiplied by the scale (1 for the unscaled row). */
    public static float[] input(float scale) {
        return new float[]{X * scale, Y * scale, DT * scale};
    }

    /** Whether an unscaled input row [x, y, dt] is the marker. */
    public static boolean is(float[] row) {
        return row[2] < 0;
    }
}
