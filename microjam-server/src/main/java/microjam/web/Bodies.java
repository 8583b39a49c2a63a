// Request bodies are read with an explicit limit per route, whatever the client declares.
package microjam.web;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;

final class Bodies {
    /** JSON bodies: a 128 KiB performance CSV escaped inside JSON, with room to spare. */
    static final int JSON_LIMIT = 320 * 1024;
    static final int AVATAR_LIMIT = 2 * 1024 * 1024;

    private Bodies() {
    }

    /** A body declared this much over its limit is still read and dropped, so the client sees a clean 413. */
    private static final long DRAIN_AT_MOST = 16L * 1024 * 1024;

    static byte[] read(Context ctx, int limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            if (declared <= limit + DRAIN_AT_MOST) drain(ctx);
            throw tooLarge(limit);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) throw tooLarge(limit);
            return body;
        } catch (IOException e) {
            throw ApiError.badRequest(null, "the request body could not be read");
        }
    }

    private static void drain(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the client gave up: the 413 goes nowhere either way
        }
    }

    static <T> T json(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))
            throw new ApiError(415, "Content-Type", "send the body as application/json");
        return Json.read(read(ctx, JSON_LIMIT), type);
    }

    private static ApiError tooLarge(int limit) {
        return new ApiError(413, null, "the request body is larger than the limit of " + limit + " bytes");
    }
}
