// A published performance: who played it, on what, in which colours, when, what it answers, and its touches.
package microjam.performance;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

public record Performance(UUID id, UUID performerId, Instrument instrument, Colour colour, Colour background,
                          Instant createdAt, UUID replyTo, Touches touches) {
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
