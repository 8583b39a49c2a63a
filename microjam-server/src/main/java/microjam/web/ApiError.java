// An API failure with its HTTP status and the request field it concerns; written as {"error", "field"}.
package microjam.web;

import microjam.performance.Performance;

public final class ApiError extends RuntimeException {
    /** What a 404 for a path that is not there says, whoever answers it. */
    public static final String NO_SUCH_ROUTE = "no such page or API route";

    private final int status;
    private final String field;
    private final int retryAfterSeconds;

    public ApiError(int status, String field, String message) {
        this(status, field, message, 0);
    }

    private ApiError(int status, String field, String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 503: the server cannot do this now; the answer says (Retry-After) when to try again. */
    public static ApiError unavailable(String message, int retryAfterSeconds) {
        return new ApiError(503, null, message, retryAfterSeconds);
    }

    /** 429: this client asked too often; the answer says (Retry-After) when to try again. */
    public static ApiError tooMany(String message, int retryAfterSeconds) {
        return new ApiError(429, null, message, retryAfterSeconds);
    }

    /** A 404 that says no more than an unknown path does. */
    public static ApiError noSuchRoute() {
        return new ApiError(404, null, NO_SUCH_ROUTE);
    }

    /** A reply (a published layer or a kept RoboJam answer) to a performance that is not there, or no longer. */
    static ApiError replyToMissing() {
        return new ApiError(404, "replyTo", "replyTo names no existing performance");
    }

    /** A reply to a jam that already holds the most layers a jam can. */
    static ApiError jamFull() {
        return new ApiError(409, "replyTo", "this jam already has " + Performance.MAX_LAYERS + " layers, the most a jam can hold: reply to another one");
    }

    public static ApiError notFound(String what) {
        return new ApiError(404, null, what + " not found");
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    /** Seconds for the Retry-After header; 0 for none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
