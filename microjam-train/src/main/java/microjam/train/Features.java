// What a performance looks like in numbers, for comparing generated ones with human ones: the gaps
// between touches, touches per second, the share of moving touches, swipe lengths, spatial spread,
// and the x and y positions.
package microjam.train;

import microjam.performance.Touch;
import microjam.performance.Touches;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class Features {
    public static final List<String> NAMES = List.of("dt", "touches per second", "fraction moving", "swipe length", "spatial spread", "x", "y");

    private Features() {
    }

    /** Each feature's values pooled over the performances (per touch, per swipe or per performance). */
    public static Map<String, double[]> of(List<Touches> performances) {
        Map<String, List<Double>> pooled = new LinkedHashMap<>();
        NAMES.forEach(n -> pooled.put(n, new ArrayList<>()));
        for (Touches p : performances) {
            if (p.size() < 2) continue;
            List<Touch> t = p.list();
            double duration = Math.max(t.getLast().time() - t.getFirst().time(), 0.05);
            pooled.get("touches per second").add(t.size() / duration);
            pooled.get("fraction moving").add(t.stream().filter(Touch::moving).count() / (double) t.size());
            pooled.get("spatial spread").add(std(t.stream().mapToDouble(Touch::x).toArray()) + std(t.stream().mapToDouble(Touch::y).toArray()));
            double swipe = 0;
            for (int i = 0; i < t.size(); i++) {
                pooled.get("x").add(t.get(i).x());
                pooled.get("y").add(t.get(i).y());
                if (i == 0) continue;
                pooled.get("dt").add(t.get(i).time() - t.get(i - 1).time());
                if (t.get(i).moving()) swipe += Math.hypot(t.get(i).x() - t.get(i - 1).x(), t.get(i).y() - t.get(i - 1).y());
                else {
                    if (swipe > 0) pooled.get("swipe length").add(swipe);
                    swipe = 0;
                }
            }
            if (swipe > 0) pooled.get("swipe length").add(swipe);
        }
        Map<String, double[]> features = new LinkedHashMap<>();
        pooled.forEach((k, v) -> features.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return features;
    }

    static double std(double[] v) {
        double mean = java.util.Arrays.stream(v).average().orElse(0), sum = 0;
        for (double x : v) sum += (x - mean) * (x - mean);
        return Math.sqrt(sum / Math.max(1, v.length));
    }
}
