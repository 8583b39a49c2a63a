// Rate limits per client: a token bucket per client and kind of request, refilled over its period.
// Whose bucket: a performer's once their token has matched (so a made-up or padded Authorization header
// never gets a fresh bucket: it draws from its address's), otherwise the client address (IPv6 by /64,
// ClientAddress). Anonymous RoboJam calls never read a token: they are limited by address alone.
// Each route names its kind in the route table (WebServer); a route without one is not limited.
// Buckets live in memory only (never stored or logged), at most MAX_CLIENTS per kind, forgotten once
// idle for their whole period (by then they would be full again anyway).
// Over the limit: 429 with Retry-After. A limit of 0 turns that kind off (e.g. for load benchmarks).
// Where several servers share the database (not the sole writer), a performer's writes draw from one bucket in
// the database (SharedLimits), so spreading them over the servers gains nothing; the buckets by address stay
// each server's own (sharing them would mean storing addresses).
package microjam.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import microjam.performance.Performer;
import microjam.store.SharedLimits;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

public final class RateLimits {
    /** The kinds of request, each with its own limit; routes name theirs in the route table. */
    public enum Kind implements RouteRole {
        SIGN_UP(Duration.ofHours(1), "sign-ups", "an hour", false),
        WRITE(Duration.ofMinutes(1), "changes", "a minute", true),
        /** Asking RoboJam and keeping its answer: both are RoboJam work, drawn from one allowance per address. */
        ROBOJAM(Duration.ofMinutes(1), "RoboJam requests", "a minute", false),
        READ(Duration.ofMinutes(1), "requests", "a minute", false);

        final Duration period;
        final String what, per;
        final boolean byPerformer;

        Kind(Duration period, String what, String per, boolean byPerformer) {
            this.period = period;
            this.what = what;
            this.per = per;
            this.byPerformer = byPerformer;
        }
    }

    /** Requests per period per client for each kind; 0 means no limit. */
    public record Config(int writesPerMinute, int robojamPerMinute, int signUpsPerHour, int readsPerMinute) {
        /** Reads are generous: a World page loads 20 cards, 20 pictures and 20 avatars. A class at one address may sign up together. */
        public static final Config DEFAULT = new Config(120, 60, 30, 1200);
        public static final Config OFF = new Config(0, 0, 0, 0);

        public Config {
            if (writesPerMinute < 0 || robojamPerMinute < 0 || signUpsPerHour < 0 || readsPerMinute < 0)
                throw new IllegalArgumentException("rate limits must be 0 (off) or more");
        }

        int of(Kind kind) {
            return switch (kind) {
                case SIGN_UP -> signUpsPerHour;
                case WRITE -> writesPerMinute;
                case ROBOJAM -> robojamPerMinute;
                case READ -> readsPerMinute;
            };
        }
    }

    /** Clients remembered per kind: a bucket is about 200 bytes with its key, so all kinds together stay under ~20 MB. */
    static final int MAX_CLIENTS = 20_000;

    private final Config config;
    private final Auth auth;
    private final Map<Kind, Cache<String, Bucket>> buckets = new EnumMap<>(Kind.class);
    private final SharedLimits shared; // null where this process is the database's sole writer

    RateLimits(Config config, Auth auth, SharedLimits shared) {
        this.config = config;
        this.auth = auth;
        this.shared = shared;
        for (Kind kind : Kind.values())
            buckets.put(kind, Caffeine.newBuilder().expireAfterAccess(kind.period).maximumSize(MAX_CLIENTS).build());
    }

    /** Runs before every matched route: the request draws from its client's bucket for the route's kind. */
    void check(Context ctx) {
        for (var role : ctx.routeRoles()) if (role instanceof Kind kind) take(ctx, kind);
    }

    private void take(Context ctx, Kind kind) {
        int limit = config.of(kind);
        if (limit == 0) return;
        Performer performer = kind.byPerformer ? auth.identify(ctx).orElse(null) : null;
        long waitNanos;
        if (performer != null && shared != null) {
            waitNanos = shared.take(performer.id(), limit, kind.period);
        } else {
            String client = performer != null ? "p:" + performer.id() : "a:" + ClientAddress.of(ctx);
            Bucket bucket = buckets.get(kind).get(client, k -> Bucket.builder().addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, kind.period).build()).build());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            waitNanos = probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
        }
        if (waitNanos == 0) return;
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        throw ApiError.tooMany("too many " + kind.what + ": at most " + limit + " " + kind.per + "; try again in " + seconds + " s", (int) seconds);
    }
}
