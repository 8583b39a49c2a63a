// A performer's write allowance shared by every server on one database (RateLimits uses it where this process is
// not the database's sole writer): a token bucket of `capacity` refilled evenly over `period`, drawn from in one
// atomic statement, so concurrent draws on several servers never take more than the bucket holds. Time is each
// server's clock (a skewed clock never refills backwards). Portable to PostgreSQL-compatible engines: an upsert
// with RETURNING and LEAST/GREATEST, nothing else.
package microjam.store;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

public final class SharedLimits {
    /** Every this many draws, rows idle for longer than a day are pruned (a full bucket needs no row). */
    static final int PRUNE_EVERY = 1000;

    private final Database database;
    private final AtomicLong draws = new AtomicLong();

    public SharedLimits(Database database) {
        this.database = database;
    }

    /** Draws one write for this performer: 0 if allowed, else the nanoseconds until one will be. */
    public long take(UUID performer, int capacity, Duration period) {
        long now = System.currentTimeMillis();
        double perMilli = (double) capacity / period.toMillis();
        String refilled = "LEAST(:capacity, write_bucket.tokens + GREATEST(0, :now - write_bucket.updated_at) * :perMilli)";
        double left = database.write(h -> h.createQuery("""
                        INSERT INTO write_bucket (performer_id, tokens, updated_at, taken) VALUES (:id, :capacity - 1, :now, TRUE)
                        ON CONFLICT (performer_id) DO UPDATE SET
                            tokens = CASE WHEN %1$s >= 1 THEN %1$s - 1 ELSE %1$s END,
                            taken = %1$s >= 1,
                            updated_at = GREATEST(write_bucket.updated_at, :now)
                        RETURNING CASE WHEN taken THEN 1 ELSE tokens - 1 END""".formatted(refilled))
                .bind("id", performer.toString()).bind("capacity", (double) capacity).bind("now", now).bind("perMilli", perMilli)
                .mapTo(Double.class).one());
        if (draws.incrementAndGet() % PRUNE_EVERY == 0)
            database.write(h -> h.createUpdate("DELETE FROM write_bucket WHERE updated_at < :before")
                    .bind("before", now - Duration.ofDays(1).toMillis()).execute());
        return left >= 0 ? 0 : (long) Math.ceil(-left / perMilli * 1_000_000);
    }
}
