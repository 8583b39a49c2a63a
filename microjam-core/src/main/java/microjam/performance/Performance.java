// A published performance: who played it, on what, in which colours, when, what it answers, and its touches.
package microjam.performance;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

public record Performance(UUID id, UUID performerId, Instrument instrument, Colour colour, Colour background,
                          Instant createdAt, UUID replyTo, Touches touches) {
    /**
     * A jam holds at most this many layers (a performance and the chain it replies to). Every layer plays
     * at once, and a whole jam travels in one response, so its size and its sound stay bounded:
     * 16 layers of 2,000 touches are about 1.5 MB. The original had no limit; its jams were a few layers deep.
     */
    public static final int MAX_LAYERS = 16;

    public Performance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(performerId, "performerId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(touches, "touches");
    }
}
