// The API's JSON shapes, built from store records. Field names are camelCase throughout.
package microjam.web;

import microjam.performance.Performance;
import microjam.store.PerformanceCard;
import microjam.performance.Performer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

final class Views {
    private Views() {
    }

    record PerformerView(UUID id, String stageName, String colour, Instant createdAt, String avatarUrl) {
    }

    record CardView(UUID id, UUID performerId, String stageName, String avatarUrl, String instrument, String colour,
                    String background, Instant createdAt, UUID replyTo, int replyCount, int layerCount, int touchCount,
                    double duration, String pictureUrl, String csvUrl, boolean robot, boolean acceptsReplies) {
    }

    record LayerView(UUID id, UUID performerId, String stageName, String avatarUrl, String instrument, String colour,
                     String background, Instant createdAt, UUID replyTo, int touchCount, double duration, String touches, boolean robot) {
    }

    record PerformanceView(UUID id, UUID performerId, String stageName, String avatarUrl, String instrument, String colour,
                           String background, Instant createdAt, UUID replyTo, int replyCount, int layerCount, int touchCount,
                           double duration, String pictureUrl, String csvUrl, String touches, List<LayerView> layers, boolean robot,
                           boolean acceptsReplies) {
    }

    record FeedView(List<CardView> items, String nextCursor) {
    }

    static PerformerView performer(Performer p) {
        return new PerformerView(p.id(), p.stageName().value(), p.colour().hex(), p.createdAt(), avatarUrl(p.id()));
    }

    static CardView card(PerformanceCard c) {
        return new CardView(c.id(), c.performerId(), c.stageName(), avatarUrl(c.performerId()), c.instrument().wireName(),
                c.colour().hex(), c.background().hex(), c.createdAt(), c.replyTo(), c.replyCount(), c.layers(), c.touchCount(),
                c.duration(), pictureUrl(c.id()), csvUrl(c.id()), c.robot(), acceptsReplies(c));
    }

    /** Whether a reply would still fit in the jam (Performance.MAX_LAYERS); the app greys out Reply otherwise. */
    private static boolean acceptsReplies(PerformanceCard c) {
        return c.layers() < Performance.MAX_LAYERS;
    }

    static LayerView layer(PerformanceCard c, String touchesCsv) {
        return new LayerView(c.id(), c.performerId(), c.stageName(), avatarUrl(c.performerId()), c.instrument().wireName(),
                c.colour().hex(), c.background().hex(), c.createdAt(), c.replyTo(), c.touchCount(), c.duration(),
                touchesCsv, c.robot());
    }

    /** The performance with its layers, itself first: its touches are those of its own layer, written once. */
    static PerformanceView full(PerformanceCard c, List<LayerView> layers) {
        return new PerformanceView(c.id(), c.performerId(), c.stageName(), avatarUrl(c.performerId()), c.instrument().wireName(),
                c.colour().hex(), c.background().hex(), c.createdAt(), c.replyTo(), c.replyCount(), c.layers(), c.touchCount(),
                c.duration(), pictureUrl(c.id()), csvUrl(c.id()), layers.getFirst().touches(), layers, c.robot(), acceptsReplies(c));
    }

    static String avatarUrl(UUID performerId) {
        return "/api/performers/" + performerId + "/avatar.png";
    }

    static String pictureUrl(UUID id) {
        return "/api/performances/" + id + ".png";
    }

    static String csvUrl(UUID id) {
        return "/api/performances/" + id + ".csv";
    }
}
