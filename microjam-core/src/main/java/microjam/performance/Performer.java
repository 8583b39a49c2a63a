// A performer as the public sees them: a stage name and a colour, nothing personal.
package microjam.performance;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

public record Performer(UUID id, StageName stageName, Colour colour, Instant createdAt) {
    public Performer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stageName, "stageName");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
