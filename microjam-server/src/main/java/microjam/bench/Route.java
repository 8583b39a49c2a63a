// What the load mix asks of the server: the requests a real client makes, with how often the default
// mix makes each (weights out of 100) and the status that counts as success.
package microjam.bench;

import java.util.Locale;

public enum Route {
    FEED("GET /api/performances", 45, 200),
    FEED_NEXT("GET /api/performances?before=", 10, 200),
    PERFORMANCE("GET /api/performances/{id}", 20, 200),
    PICTURE("GET /api/performances/{id}.png", 10, 200),
    UPLOAD("POST /api/performances", 8, 201),
    REPLY("POST /api/performances replyTo", 5, 201),
    ROBOJAM("POST /api/robojam", 2, 200);

    final String request;
    final int defaultWeight;
    final int success;

    Route(String request, int defaultWeight, int success) {
        this.request = request;
        this.defaultWeight = defaultWeight;
        this.success = success;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Route parse(String label) {
        for (Route r : values()) if (r.label().equals(label)) return r;
        throw new IllegalArgumentException("--mix: unknown route '" + label + "' (routes: feed, feed-next, performance, picture, upload, reply, robojam)");
    }
}
