// Headers on every response: no sniffing, no referrer leaks, no powerful browser features, a strict
// content security policy (no inline script), and HSTS on every HTTPS answer (a browser that has once
// reached us over HTTPS never again sends a token over plain HTTP to this host).
package microjam.web;

import io.javalin.http.Context;

final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:",
            "media-src 'self' blob:", "connect-src 'self'", "worker-src 'self'", "manifest-src 'self'",
            "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'");

    private SecurityHeaders() {
    }

    static void apply(Context ctx, boolean secure) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (secure) ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}
