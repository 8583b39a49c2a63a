// What a researcher measures of one performance: touch count, duration, touches per second, share of
// moving touches, swipes (number, mean length), mean speed, spatial spread and coverage of the square,
// mean and spread of x and y, and the inter-onset intervals between touch-downs.
package microjam.research;

import microjam.performance.Touch;
import microjam.performance.Touches;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class Features {
    public static final List<String> NAMES = List.of("touches", "duration", "touches_per_second", "fraction_moving", "swipes",
            "mean_swipe_length", "mean_speed", "spatial_spread", "coverage", "mean_x", "sd_x", "mean_y", "sd_y", "ioi_mean", "ioi_sd");
    /** Coverage counts the cells of an 8 × 8 grid over the square that any touch falls in. */
    static final int GRID = 8;

    private Features() {
    }

    public static Map<String, Double> of(Touches touches) {
        List<Touch> t = touches.list();
        int n = t.size();
        double duration = touches.duration();
        double[] x = t.stream().mapToDouble(Touch::x).toArray(), y = t.stream().mapToDouble(Touch::y).toArray();
        int swipes = 0, moving = 0;
        double swipeLength = 0, path = 0, movingTime = 0;
        boolean[] cells = new boolean[GRID * GRID];
        java.util.List<Double> onsets = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Touch c = t.get(i);
            cells[Math.min(GRID - 1, (int) (c.y() * GRID)) * GRID + Math.min(GRID - 1, (int) (c.x() * GRID))] = true;
            if (!c.moving()) onsets.add(c.time());
            if (c.moving() && i > 0) {
                moving++;
                double step = Math.hypot(c.x() - t.get(i - 1).x(), c.y() - t.get(i - 1).y());
                swipeLength += step;
                path += step;
                movingTime += c.time() - t.get(i - 1).time();
                if (!t.get(i - 1).moving()) swipes++;
            }
        }
        double[] ioi = new double[Math.max(0, onsets.size() - 1)];
        for (int i = 1; i < onsets.size(); i++) ioi[i - 1] = onsets.get(i) - onsets.get(i - 1);
        int covered = 0;
        for (boolean c : cells) if (c) covered++;
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("touches", (double) n);
        f.put("duration", duration);
        f.put("touches_per_second", duration > 0 ? n / duration : 0);
        f.put("fraction_moving", n == 0 ? 0 : moving / (double) n);
        f.put("swipes", (double) swipes);
        f.put("mean_swipe_length", swipes == 0 ? 0 : swipeLength / swipes);
        f.put("mean_speed", movingTime > 0 ? path / movingTime : 0);
        f.put("spatial_spread", Math.sqrt(variance(x) + variance(y)));
        f.put("coverage", covered / (double) (GRID * GRID));
        f.put("mean_x", mean(x));
        f.put("sd_x", Math.sqrt(variance(x)));
        f.put("mean_y", mean(y));
        f.put("sd_y", Math.sqrt(variance(y)));
        f.put("ioi_mean", mean(ioi));
        f.put("ioi_sd", Math.sqrt(variance(ioi)));
        return f;
    }

    static double mean(double[] v) {
        double sum = 0;
        for (double x : v) sum += x;
        return v.length == 0 ? 0 : sum / v.length;
    }

    /** Population variance. */
    static double variance(double[] v) {
        double m = mean(v), sum = 0;
        for (double x : v) sum += (x - m) * (x - m);
        return v.length == 0 ? 0 : sum / v.length;
    }
}
