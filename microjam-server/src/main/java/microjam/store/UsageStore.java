// RoboJam's anonymous usage counts (table robojam_usage), by day, instrument and model: counts are added to
// what is stored, never overwritten, so several servers flushing their own counts add up exactly.
package microjam.store;

import java.util.List;

public final class UsageStore {
    /** The latency buckets, in the order of Count.latency, as columns. */
    public static final List<String> LATENCY_COLUMNS = List.of("under_10ms", "under_30ms", "under_100ms", "under_300ms", "under_1s", "over_1s");

    /** Counts of one day, instrument and model: requests, touches of their calls and answers, requests per latency bucket. */
    public record Count(String day, String instrument, String model, long requests, long callTouches, long responseTouches, long[] latency) {
        public Count {
            if (latency.length != LATENCY_COLUMNS.size()) throw new IllegalArgumentException("one count per latency bucket");
            latency = latency.clone();
        }

        @Override
        public long[] latency() {
            return latency.clone();
        }
    }

    private final Database database;

    public UsageStore(Database database) {
        this.database = database;
    }

    /** Adds the counts to what is stored, in one transaction. */
    public void add(List<Count> counts) {
        database.write(h -> {
            for (Count c : counts) {
                long[] l = c.latency;
                h.createUpdate("""
                                INSERT INTO robojam_usage (day, instrument, model, requests, call_touches, response_touches,
                                    under_10ms, under_30ms, under_100ms, under_300ms, under_1s, over_1s)
                                VALUES (:day, :instrument, :model, :r, :c, :s, :b0, :b1, :b2, :b3, :b4, :b5)
                                ON CONFLICT (day, instrument, model) DO UPDATE SET
                                    requests = robojam_usage.requests + excluded.requests,
                                    call_touches = robojam_usage.call_touches + excluded.call_touches,
                                    response_touches = robojam_usage.response_touches + excluded.response_touches,
                                    under_10ms = robojam_usage.under_10ms + excluded.under_10ms,
                                    under_30ms = robojam_usage.under_30ms + excluded.under_30ms,
                                    under_100ms = robojam_usage.under_100ms + excluded.under_100ms,
                                    under_300ms = robojam_usage.under_300ms + excluded.under_300ms,
                                    under_1s = robojam_usage.under_1s + excluded.under_1s,
                                    over_1s = robojam_usage.over_1s + excluded.over_1s""")
                        .bind("day", c.day()).bind("instrument", c.instrument()).bind("model", c.model())
                        .bind("r", c.requests()).bind("c", c.callTouches()).bind("s", c.responseTouches())
                        .bind("b0", l[0]).bind("b1", l[1]).bind("b2", l[2]).bind("b3", l[3]).bind("b4", l[4]).bind("b5", l[5])
                        .execute();
            }
            return null;
        });
    }

    /** Every stored count, by day, instrument and model. */
    public List<Count> all() {
        return database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT day, instrument, model, requests, call_touches, response_touches,
                            under_10ms, under_30ms, under_100ms, under_300ms, under_1s, over_1s
                        FROM robojam_usage ORDER BY day, instrument, model""")
                .map((rs, ctx) -> {
                    long[] latency = new long[LATENCY_COLUMNS.size()];
                    for (int b = 0; b < latency.length; b++) latency[b] = rs.getLong(LATENCY_COLUMNS.get(b));
                    return new Count(rs.getString("day"), rs.getString("instrument"), rs.getString("model"), rs.getLong("requests"),
                            rs.getLong("call_touches"), rs.getLong("response_touches"), latency);
                }).list());
    }
}
