// What a performance looks like in numbers, defined once for research, training and evaluation: touch count,
// duration, touches per second, share of moving touches, swipes (number, mean length), mean speed, spatial
// spread and coverage of the square, mean and spread of x and y, and the inter-onset intervals between
// touch-downs. Three of them are also a style-conditioned RoboJam's inputs (PerformanceStyle reads them from
// here), so their formulas are part of the model's contract and do not change:
//   touches per second = n / max(first-to-last duration, 50 ms)   (a burst at one instant has a finite rate)
//   fraction moving    = moving touches / n
//   spatial spread     = sd(x) + sd(y)   (population standard deviations)
// A swipe is a run of moving touches after the first touch; its length is the path it draws.
package microjam.performance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class Features {
    public static final List<String> NAMES = List.of("touches", "duration", "touches_per_second", "fraction_moving", "swipes",
            "mean_swipe_length", "mean_speed", "spatial_spread", "coverage", "mean_x", "sd_x", "mean_y", "sd_y", "ioi_mean", "ioi_sd");
    /** A performance lasts at least this long (seconds) when its touch rate is measured. */
    public static final double MIN_DURATION = 0.05;
    /** Coverage counts the cells of an 8 × 8 grid over the square that any touch falls in. */
    static final int GRID = 8;

    private Features() {
    }

    public static Map<String, Double> of(Touches touches) {
        List<Touch> t = touches.list();
        int n = t.size();
        double duration = touches.duration();
        double[] x = t.stream().mapToDouble(Touch::x).toArray(), y = t.stream().mapToDouble(Touch::y).toArray();
        int moving = 0;
        double path = 0, movingTime = 0;
        boolean[] cells = new boolean[GRID * GRID];
        List<Double> onsets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Touch c = t.get(i);
            cells[Math.min(GRID - 1, (int) (c.y() * GRID)) * GRID + Math.min(GRID - 1, (int) (c.x() * GRID))] = true;
            if (c.moving()) moving++;
            if (!c.moving()) onsets.add(c.time());
            if (c.moving() && i > 0) {
                path += Math.hypot(c.x() - t.get(i - 1).x(), c.y() - t.get(i - 1).y());
                movingTime += c.time() - t.get(i - 1).time();
            }
        }
        double[] swipes = swipeLengths(touches);
        double[] ioi = new double[Math.max(0, onsets.size() - 1)];
        for (int i = 1; i < onsets.size(); i++) ioi[i - 1] = onsets.get(i) - onsets.get(i - 1);
        int covered = 0;
        for (boolean c : cells) if (c) covered++;
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("touches", (double) n);
        f.put("duration", duration);
        f.put("touches_per_second", n == 0 ? 0 : rate(n, duration));
        f.put("fraction_moving", n == 0 ? 0 : moving / (double) n);
        f.put("swipes", (double) swipes.length);
        f.put("mean_swipe_length", mean(swipes));
        f.put("mean_speed", movingTime > 0 ? path / movingTime : 0);
        f.put("spatial_spread", spread(x, y));
        f.put("coverage", covered / (double) (GRID * GRID));
        f.put("mean_x", mean(x));
        f.put("sd_x", sd(x));
        f.put("mean_y", mean(y));
        f.put("sd_y", sd(y));
        f.put("ioi_mean", mean(ioi));
        f.put("ioi_sd", sd(ioi));
        return f;
    }

    /** Touches per second of n touches lasting `duration` seconds from the first to the last. */
    public static double rate(int touches, double duration) {
        return touches / Math.max(duration, MIN_DURATION);
    }

    /** sd(x) + sd(y). */
    public static double spread(double[] xs, double[] ys) {
        return sd(xs) + sd(ys);
    }

    /** The length of each swipe, in order: each run of moving touches after the first touch, as the path it draws. */
    public static double[] swipeLengths(Touches touches) {
        List<Double> lengths = new ArrayList<>();
        double length = 0;
        boolean inSwipe = false;
        for (int i = 1; i < touches.size(); i++) {
            Touch c = touches.get(i), previous = touches.get(i - 1);
            if (c.moving()) {
                length += Math.hypot(c.x() - previous.x(), c.y() - previous.y());
                inSwipe = true;
            } else if (inSwipe) {
                lengths.add(length);
                length = 0;
                inSwipe = false;
            }
        }
        if (inSwipe) lengths.add(length);
        return lengths.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static double mean(double[] v) {
        double sum = 0;
        for (double x : v) sum += x;
        return v.length == 0 ? 0 : sum / v.length;
    }

    /** Population variance. */
    public static double variance(double[] v) {
        double m = mean(v), sum = 0;
        for (double x : v) sum += (x - m) * (x - m);
        return v.length == 0 ? 0 : sum / v.length;
    }

    /** Population standard deviation. */
    public static double sd(double[] v) {
        return Math.sqrt(variance(v));
    }
}
