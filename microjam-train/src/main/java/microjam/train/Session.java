// One performer's touches in time order, as the network reads them: [x, y, dt] with x, y in [0, 1]
// and dt (seconds since the same performer's previous touch) in [0, 5]. The id says where it came
// from (a file name and a number), never who played it.
package microjam.train;

public record Session(String id, float[][] touches, boolean[] moving) {
    public static final float MAX_DT = 5f;

    public Session {
        if (moving.length != touches.length) throw new IllegalArgumentException("a moving flag for each touch");
    }

    public int length() {
        return touches.length;
    }

    static float clip(double v, double low, double high) {
        return (float) Math.min(high, Math.max(low, v));
    }
}
