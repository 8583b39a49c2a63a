// Which routes a load run drives and how often: "default" (a browsing-heavy mix), one route alone
// ("feed", "upload"), weights ("feed=70,upload=30"), or the default changed ("default,robojam=0").
package microjam.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

public record LoadMix(Map<Route, Integer> weights) {
    public LoadMix {
        weights = Map.copyOf(weights);
        if (weights.isEmpty()) throw new IllegalArgumentException("--mix names no route");
    }

    public static LoadMix parse(String spec) {
        Map<Route, Integer> weights = new EnumMap<>(Route.class);
        for (String part : spec.split(",")) {
            if (part.strip().equals("default")) {
                for (Route r : Route.values()) weights.put(r, r.defaultWeight);
                continue;
            }
            String[] kv = part.strip().split("=", 2);
            int weight = 1;
            if (kv.length == 2) {
                try {
                    weight = Integer.parseInt(kv[1].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--mix: the weight of " + kv[0] + " must be a whole number, not '" + kv[1] + "'");
                }
                if (weight < 0 || weight > 1000) throw new IllegalArgumentException("--mix: weights must be between 0 and 1000");
            }
            if (weight == 0) weights.remove(Route.parse(kv[0].strip()));
            else weights.put(Route.parse(kv[0].strip()), weight);
        }
        return new LoadMix(weights);
    }

    Route pick(SplittableRandom random) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int r = random.nextInt(total);
        for (Route route : Route.values()) {
            Integer w = weights.get(route);
            if (w == null) continue;
            if (r < w) return route;
            r -= w;
        }
        throw new AssertionError();
    }

    boolean includes(Route route) {
        return weights.containsKey(route);
    }
}
