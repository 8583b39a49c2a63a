// Rate limits per client for writes and for RoboJam: a token bucket per client, refilled over a minute.
// The client is the hash of its bearer token, or its connection address where it sends none; both are
// kept in memory only (never stored or logged) and forgotten ten minutes after the last request.
// Over the limit: 429 with Retry-After. A limit of 0 turns it off (e.g. for load benchmarks).
package microjam.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.javalin.http.Context;
import microjam.store.Tokens;

import java.time.Duration;

public final class RateLimits {
    /** Requests per minute per client; 0 means no limit. */
    public record Config(int writesPerMinute, int robojamPerMinute) {
        public static final Config DEFAULT = new Config(120, 60);
        public static final Config OFF = new Config(0, 0);

        public Config {
            if (writesPerMinute < 0 || robojamPerMinute < 0) throw new IllegalArgumentException("rate limits must be 0 (off) or more");
        }
    }

    private final Config config;
    private final Cache<String, Bucket> writes = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();
    private final Cache<String, Bucket> robojam = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    RateLimits(Config config) {
        this.config = config;
    }

    /** Runs before every request: RoboJam requests and writes each draw from their client's bucket. */
    void check(Context ctx) {
        String method = ctx.method().name();
        String path = ctx.path();
        boolean isRoboJam = method.equals("POST") && (path.equals("/api/robojam") || path.equals("/api/predict") || path.equals("/api/robojam/keep"));
        boolean isWrite = !isRoboJam && path.startsWith("/api/") && (method.equals("POST") || method.equals("PUT") || method.equals("DELETE"));
        if (isRoboJam) take(ctx, robojam, config.robojamPerMinute(), "RoboJam requests");
        else if (isWrite) take(ctx, writes, config.writesPerMinute(), "changes");
    }

    private static void take(Context ctx, Cache<String, Bucket> buckets, int perMinute, String what) {
        if (perMinute == 0) return;
        Bucket bucket = buckets.get(client(ctx), k -> Bucket.builder().addLimit(Bandwidth.simple(perMinute, Duration.ofMinutes(1))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return;
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        ctx.header("Retry-After", String.valueOf(seconds));
        throw new ApiError(429, null, "too many " + what + ": at most " + perMinute + " a minute; try again in " + seconds + " s");
    }

    private static String client(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && !authorization.isBlank()) return "t:" + Tokens.hash(authorization);
        return "a:" + ctx.req().getRemoteAddr();
    }
}
