// Who a request acts for: the performer whose secret token is sent as "Authorization: Bearer TOKEN".
package microjam.web;

import io.javalin.http.Context;
import microjam.store.Performer;
import microjam.store.PerformerStore;

final class Auth {
    private final PerformerStore performers;

    Auth(PerformerStore performers) {
        this.performers = performers;
    }

    Performer require(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank())
            throw new ApiError(401, "Authorization", "this needs your performer token: send Authorization: Bearer TOKEN");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7))
            throw new ApiError(401, "Authorization", "the Authorization header must be \"Bearer TOKEN\"");
        return performers.findByToken(header.substring(7).strip())
                .orElseThrow(() -> new ApiError(401, "Authorization", "unknown or revoked performer token"));
    }
}
