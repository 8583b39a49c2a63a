// Request bodies are read with an explicit limit per route, whatever the client declares, and must
// arrive in time: a client trickling its body a byte at a time is answered 408 when the time is up.
package microjam.web;

import io.javalin.http.Context;
import microjam.performance.InvalidValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

final class Bodies {
    /** JSON bodies: a 128 KiB performance CSV escaped inside JSON, with room to spare. */
    static final int JSON_LIMIT = 320 * 1024;
    static final int AVATAR_LIMIT = 2 * 1024 * 1024;

    private Bodies() {
    }

    /** A body declared this much over its limit is still read and dropped, so the client sees a clean 413. */
    private static final long DRAIN_AT_MOST = 16L * 1024 * 1024;

    private static final String DEADLINE = "microjam.bodyDeadline";

    /** Notes when this request's body must have arrived by. */
    static void startClock(Context ctx, Duration allowed) {
        ctx.attribute(DEADLINE, new Deadline(System.nanoTime() + allowed.toNanos(), allowed));
    }

    private record Deadline(long nanos, Duration allowed) {
        void check() {
            if (System.nanoTime() - nanos > 0)
                throw new ApiError(408, null, "the request body took longer than " + allowed.toSeconds() + " s to arrive");
        }
    }

    static byte[] read(Context ctx, int limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            if (declared <= limit + DRAIN_AT_MOST) drain(ctx);
            throw tooLarge(limit);
        }
        Deadline deadline = ctx.attribute(DEADLINE);
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 1024), limit + 1L));
            byte[] chunk = new byte[16 * 1024];
            for (int n; (n = in.read(chunk)) >= 0; ) {
                body.write(chunk, 0, n);
                if (body.size() > limit) throw tooLarge(limit);
                if (deadline != null) deadline.check();
            }
            return body.toByteArray();
        } catch (IOException e) {
            if (deadline != null) deadline.check();
            throw new InvalidValue(null, "the request body could not be read");
        }
    }

    private static void drain(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the client gave up: the 413 goes nowhere either way
        }
    }

    static <T> T json(Context ctx, Class<T> type) {
        if (MediaType.parse(ctx.header("Content-Type")).filter(MediaType::isJson).isEmpty())
            throw new ApiError(415, "Content-Type", "send the body as application/json (with charset=utf-8, if any)");
        return anyJson(ctx, type);
    }

    /**
     * A JSON body whatever its Content-Type says, as the original RoboJam server read /api/predict: its
     * clients sent text/plain or nothing. Only for anonymous routes that change nothing stored.
     */
    static <T> T anyJson(Context ctx, Class<T> type) {
        return Json.read(read(ctx, JSON_LIMIT), type);
    }

    private static ApiError tooLarge(int limit) {
        return new ApiError(413, null, "the request body is larger than the limit of " + limit + " bytes");
    }
}
