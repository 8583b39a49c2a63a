// An API failure with its HTTP status and the request field it concerns; written as {"error", "field"}.
package microjam.web;

public final class ApiError extends RuntimeException {
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
