// What a published research report may show. It never shows one performance: every aggregate in it (a
// summary row, a box plot, a heat map, a test) covers at least MIN_PERFORMANCES performances from at
// least MIN_PERFORMERS different people. A smaller group is left out, and the report says so and why.
// Ten and three: a median, a quartile or a density map of ten performances from three people no longer
// describes any one of them, while the instruments people actually play clear the bar easily.
package microjam.research;

import microjam.store.PerformanceStore;

import java.util.List;
import java.util.Optional;

public final class Disclosure {
    public static final int MIN_PERFORMANCES = 10;
    public static final int MIN_PERFORMERS = 3;
    /** The rule in words, as the report states it. */
    public static final String RULE = "every group shown covers at least " + MIN_PERFORMANCES + " performances from at least "
            + MIN_PERFORMERS + " performers; smaller groups are suppressed";

    private Disclosure() {
    }

    /** Why this group may not be published, or empty when it may. */
    public static Optional<String> whySuppressed(List<PerformanceStore.Owned> group) {
        if (group.size() < MIN_PERFORMANCES) return Optional.of("fewer than " + MIN_PERFORMANCES + " performances");
        if (group.stream().map(PerformanceStore.Owned::owner).distinct().count() < MIN_PERFORMERS)
            return Optional.of("fewer than " + MIN_PERFORMERS + " performers");
        return Optional.empty();
    }
}
