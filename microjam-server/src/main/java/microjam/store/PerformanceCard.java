// What a listing shows of a performance: its metadata, its performer's stage name, how many replies
// it has and how many layers play when it plays (itself and every performance up its reply chain).
package microjam.store;

import microjam.performance.Colour;
import microjam.performance.Instrument;

import java.time.Instant;
import java.util.UUID;

public record PerformanceCard(UUID id, UUID performerId, String stageName, Instrument instrument, Colour colour,
                              Colour background, Instant createdAt, UUID replyTo, int touchCount, double duration,
                              int replyCount, int layers, boolean robot) {
    public PerformanceCard withLayers(int count) {
        return new PerformanceCard(id, performerId, stageName, instrument, colour, background, createdAt, replyTo,
                touchCount, duration, replyCount, count, robot);
    }
}
