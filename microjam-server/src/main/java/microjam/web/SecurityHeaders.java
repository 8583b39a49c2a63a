// Headers on every response: no sniffing, no referrer leaks, no powerful browser features, a strict
// content security policy (no inline script, no eval), and HSTS on every HTTPS answer (a browser that has once
// reached us over HTTPS never again sends a token over plain HTTP to this host).
package microjam.web;

import io.javalin.http.Context;

import java.util.function.BiConsumer;

final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:",
            "media-src 'self' blob:", "connect-src 'self'", "worker-src 'self'", "manifest-src 'self'",
            "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'");

    /**
     * RoboJam's worker (RoboJam on the device) runs TeaVM's WebAssembly loader, which builds its glue with
     * new Function: the worker alone, whose policy is its own script's, may evaluate strings and compile
     * WebAssembly. A worker reaches no page, no DOM and no storage of the performer's token; it gets the
     * call and the model, and may connect only to this origin.
     */
    static final String ROBOJAM_WORKER = "/js/robojam-worker.js";
    static final String ROBOJAM_WORKER_POLICY = String.join("; ",
            "default-src 'none'", "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'", "connect-src 'self'",
            "base-uri 'none'", "form-action 'none'");

    private SecurityHeaders() {
    }

    static void apply(Context ctx, boolean secure) {
        forEach(secure, ctx::header);
        if (ctx.path().equals(ROBOJAM_WORKER)) ctx.header("Content-Security-Policy", ROBOJAM_WORKER_POLICY);
    }

    /** Every security header, with HSTS when hsts: for Javalin's responses and for the errors Jetty answers itself. */
    static void forEach(boolean hsts, BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Cross-Origin-Opener-Policy", "same-origin");
        if (hsts) header.accept("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}
