// RoboJam's responses to public performances, regenerated with fixed seeds, compared feature by
// feature with the calls they answered.
package microjam.research;

import microjam.performance.Performance;
import microjam.performance.Touches;
import microjam.robojam.RoboJam;
import microjam.robojam.Settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class RoboJamStudy {
    private RoboJamStudy() {
    }

    public static Report.RoboJamSection of(RoboJam robojam, List<Performance> performances, int calls, List<UsageCounters.Row> counters, Runnable onStep) {
        List<Map<String, Double>> asked = new ArrayList<>(), answered = new ArrayList<>();
        for (int i = 0; i < Math.min(calls, performances.size()); i++) {
            Touches call = performances.get(i).touches();
            asked.add(Features.of(call));
            answered.add(Features.of(robojam.respond(call, Settings.defaults(i)).touches()));
            onStep.run();
        }
        Map<String, Statistics.Test> tests = new LinkedHashMap<>();
        Map<String, Double> deltas = new LinkedHashMap<>();
        Map<String, double[]> medians = new LinkedHashMap<>();
        if (asked.size() >= 2)
            for (String f : Features.NAMES) {
                double[] x = InstrumentComparison.values(asked, f), y = InstrumentComparison.values(answered, f);
                tests.put(f, Statistics.mannWhitney(y, x));
                deltas.put(f, Statistics.cliffsDelta(y, x));
                medians.put(f, new double[]{InstrumentComparison.summary(x)[0], InstrumentComparison.summary(y)[0]});
            }
        return new Report.RoboJamSection(robojam.model().name(), counters, tests, deltas, medians, asked.size());
    }
}
