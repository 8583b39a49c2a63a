// RoboJam's responses to public performances, regenerated with fixed seeds, compared feature by feature
// with the calls they answered. Each response answers one call, so the two are paired: the Wilcoxon
// signed-rank test on the differences, with the matched-pairs rank-biserial correlation as effect size.
// The calls are a group like any other in the report (Disclosure): too few, or from too few people,
// and the comparison is not made.
package microjam.research;

import microjam.performance.Features;
import microjam.performance.Touches;
import microjam.robojam.RoboJam;
import microjam.store.PerformanceStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * @param suppressed why the comparison is not shown, or null when it is
 * @param calls      features of each call answered; responses: of each response, in the same order
 */
public record RoboJamStudy(String model, List<UsageCounters.Row> counters, String suppressed, List<Map<String, Double>> calls,
                           List<Map<String, Double>> responses, Map<String, Statistics.Paired> tests) {
    public static RoboJamStudy of(RoboJam robojam, List<PerformanceStore.Owned> performances, int calls, List<UsageCounters.Row> counters, Runnable onStep) {
        List<PerformanceStore.Owned> chosen = performances.subList(0, Math.min(calls, performances.size()));
        var why = Disclosure.whySuppressed(chosen);
        if (why.isPresent()) {
            chosen.forEach(c -> onStep.run());
            return new RoboJamStudy(robojam.model().name(), counters, why.get(), List.of(), List.of(), Map.of());
        }
        List<Map<String, Double>> asked = new ArrayList<>(), answered = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Touches call = chosen.get(i).performance().touches();
            asked.add(Features.of(call));
            answered.add(Features.of(robojam.respond(call, robojam.model().recommended().withSeed(i)).touches())); // the RoboJam people hear
            onStep.run();
        }
        Map<String, Statistics.Paired> tests = new LinkedHashMap<>();
        for (String f : Features.NAMES)
            tests.put(f, Statistics.wilcoxon(InstrumentComparison.values(answered, f), InstrumentComparison.values(asked, f)));
        return new RoboJamStudy(robojam.model().name(), counters, null, asked, answered, tests);
    }
}
