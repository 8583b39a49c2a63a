// HTTP methods at the edge. Javalin's ctx.method() honours X-HTTP-Method-Override, so "GET /api/me" with
// "X-HTTP-Method-Override: DELETE" would delete the account: every request carrying an override (any of
// the usual headers, or _method in the query) is refused with 400 before any route runs. Logs and
// metrics name a method only from a fixed set (a made-up one is "other"), so a client can neither forge
// log fields nor grow /metrics by inventing methods.
package microjam.web;

import io.javalin.http.Context;
import microjam.performance.InvalidValue;

import java.util.List;
import java.util.Set;

final class MethodGuard {
    static final Set<String> KNOWN = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");
    static final String OTHER = "other";
    static final List<String> OVERRIDE_HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");
    static final String OVERRIDE_PARAMETER = "_method";

    private MethodGuard() {
    }

    /** A before-handler: no request that asks to be treated as another method gets any further. */
    static void refuseOverrides(Context ctx) {
        for (String header : OVERRIDE_HEADERS)
            if (ctx.req().getHeader(header) != null)
                throw new InvalidValue(header, "method override headers are not accepted: send the request with its own method");
        if (ctx.queryParamMap().containsKey(OVERRIDE_PARAMETER))
            throw new InvalidValue(OVERRIDE_PARAMETER, "_method is not accepted: send the request with its own method");
    }

    /** The method of the request line as logs and metrics may show it (never ctx.method(): see above). */
    static String label(Context ctx) {
        return label(ctx.req().getMethod());
    }

    static String label(String method) {
        return KNOWN.contains(method) ? method : OTHER;
    }
}
