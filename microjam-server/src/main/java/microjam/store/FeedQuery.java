// One page of the feed: newest first, after a cursor, optionally one instrument or one performer.
// The jams view shows each jam once, by its newest layer (a performance nobody has replied to yet).
package microjam.store;

import microjam.performance.Instrument;
import microjam.performance.InvalidValue;

import java.util.List;
import java.util.UUID;

public record FeedQuery(int limit, UUID before, Instrument instrument, UUID performer, boolean jamsOnly) {
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public FeedQuery {
        if (limit < 1 || limit > MAX_LIMIT) throw new InvalidValue("limit", "limit must be between 1 and " + MAX_LIMIT);
    }

    public record Page(List<PerformanceCard> items, UUID nextCursor) {
    }
}
