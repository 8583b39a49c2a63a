// A performer as the public sees them: a stage name and a colour, nothing personal.
package microjam.store;

import microjam.performance.Colour;
import microjam.performance.StageName;

import java.time.Instant;
import java.util.UUID;

public record Performer(UUID id, StageName stageName, Colour colour, Instant createdAt) {
}
