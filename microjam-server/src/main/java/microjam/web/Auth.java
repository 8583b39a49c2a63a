// Who a request acts for: the performer whose secret token is sent as "Authorization: Bearer TOKEN".
// The token is looked up once a request, by whoever needs the performer first (the rate limiter for changes,
// else the route), and what it found is kept for the rest of that request only.
package microjam.web;

import io.javalin.http.Context;
import microjam.performance.Performer;
import microjam.store.PerformerStore;

import java.util.Optional;

final class Auth {
    private static final String SIGNED_IN = "microjam.signedIn"; // the request attribute holding what the token found
    private final PerformerStore performers;
    private final PrivacyPolicy policy;

    Auth(PerformerStore performers, PrivacyPolicy policy) {
        this.performers = performers;
        this.policy = policy;
    }

    /**
     * A performer who accepted the current privacy policy: publishing needs it, so people who accepted an
     * older version are asked again (the app shows what changed) before anything more of theirs is stored.
     */
    Performer requireConsent(Context ctx) {
        PerformerStore.SignedIn me = requireSignedIn(ctx);
        if (!policy.version().equals(me.acceptedPolicy()))
            throw new ApiError(403, "acceptedPolicy", "the privacy policy changed: accept version " + policy.version()
                    + " (PUT /api/me {\"acceptedPolicy\": \"" + policy.version() + "\"}) before publishing");
        return me.performer();
    }

    Performer require(Context ctx) {
        return requireSignedIn(ctx).performer();
    }

    private PerformerStore.SignedIn requireSignedIn(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank())
            throw new ApiError(401, "Authorization", "this needs your performer token: send Authorization: Bearer TOKEN");
        if (!isBearer(header))
            throw new ApiError(401, "Authorization", "the Authorization header must be \"Bearer TOKEN\"");
        return signedIn(ctx).orElseThrow(() -> new ApiError(401, "Authorization", "unknown or revoked performer token"));
    }

    // On PostgreSQL a lookup is a round trip; a limited write would make two (the limiter's and the route's).
    private Optional<PerformerStore.SignedIn> signedIn(Context ctx) {
        Optional<PerformerStore.SignedIn> known = ctx.attribute(SIGNED_IN);
        if (known != null) return known;
        String token = bearerToken(ctx);
        Optional<PerformerStore.SignedIn> found = token == null ? Optional.empty() : performers.signedIn(token);
        ctx.attribute(SIGNED_IN, found);
        return found;
    }

    /**
     * The performer whose token this request carries, if it matches one; empty for none or a token that matches
     * nobody. Looked up afresh by every request (a token revoked a moment ago is refused at once).
     */
    Optional<Performer> identify(Context ctx) {
        return signedIn(ctx).map(PerformerStore.SignedIn::performer);
    }

    /** The token of an "Authorization: Bearer TOKEN" header, stripped; null for none or another scheme. */
    static String bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        return header == null || !isBearer(header) ? null : header.substring(7).strip();
    }

    private static boolean isBearer(String header) {
        return header.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
