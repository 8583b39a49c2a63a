// Pages on other sites may call RoboJam, as the original RoboJam server allowed: its routes are anonymous
// (no token, no cookie, nothing stored but aggregate counters), so answering any origin exposes nothing of
// anyone. Credentials are never allowed and Authorization is not among the allowed headers, so a browser
// never sends a performer's token across origins; every other route stays same-origin (no CORS headers).
package microjam.web;

import io.javalin.http.Context;

import java.util.List;

final class CrossOrigin {
    /** The routes open to every origin: RoboJam's anonymous calls (not keep, which acts for a performer). */
    static final List<String> OPEN_PATHS = List.of("/api/robojam", "/api/predict");
    private static final String MAX_AGE_SECONDS = "600";

    private CrossOrigin() {
    }

    /** Marks an answer of an open route as readable by any origin. */
    static void allow(Context ctx) {
        if (ctx.header("Origin") == null) return;
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", "Retry-After"); // a refused call says when to come back
    }

    /** Answers a browser's preflight of an open route: POST (and GET) with a JSON body, no credentials. */
    static void preflight(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Allow-Methods", "GET, POST");
        ctx.header("Access-Control-Allow-Headers", "Content-Type");
        ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
        ctx.status(204);
    }
}
