// One performer's touches in time order, as the network reads them: [x, y, dt] with x, y in [0, 1]
// and dt (seconds since the same performer's previous touch) in [0, 5]. The id says where it came
// from (a file name and a number), never who played it.
package microjam.train;

import microjam.robojam.PerformanceStyle;

public record Session(String id, float[][] touches, boolean[] moving) {
    public static final float MAX_DT = 5f;

    public Session {
        if (moving.length != touches.length) throw new IllegalArgumentException("a moving flag for each touch");
    }

    public int length() {
        return touches.length;
    }

    /** The session's style: its touches' positions, the sum of their gaps after the first, and its moving flags. */
    public PerformanceStyle style() {
        double[] xs = new double[touches.length], ys = new double[touches.length];
        double duration = 0;
        int movingTouches = 0;
        for (int i = 0; i < touches.length; i++) {
            xs[i] = touches[i][0];
            ys[i] = touches[i][1];
            if (i > 0) duration += touches[i][2];
            if (moving[i]) movingTouches++;
        }
        return PerformanceStyle.of(xs, ys, duration, movingTouches);
    }

    static float clip(double v, double low, double high) {
        return (float) Math.min(high, Math.max(low, v));
    }
}
