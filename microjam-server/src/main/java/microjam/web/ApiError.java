// An API failure with its HTTP status and the request field it concerns; written as {"error", "field"}.
package microjam.web;

public final class ApiError extends RuntimeException {
    /** What a 404 for a path that is not there says, whoever answers it. */
    public static final String NO_SUCH_ROUTE = "no such page or API route";

    private final int status;
    private final String field;

    public ApiError(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    public static ApiError badRequest(String field, String message) {
        return new ApiError(400, field, message);
    }

    /** A 404 that says no more than an unknown path does. */
    public static ApiError noSuchRoute() {
        return new ApiError(404, null, NO_SUCH_ROUTE);
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
}
