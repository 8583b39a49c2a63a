// What a performer submits to publish: everything but the id, the date and the performer.
package microjam.performance;

import java.util.Objects;
import java.util.UUID;

public record NewPerformance(Instrument instrument, Colour colour, Colour background, UUID replyTo, Touches touches) {
    /** The original app's dark square, used when a performance names no background. */
    public static final Colour DEFAULT_BACKGROUND = new Colour("#0b0b14");

    public NewPerformance {
        if (instrument == null) throw new InvalidValue("instrument", "instrument is required, one of: " + Instrument.NAMES);
        if (colour == null) throw new InvalidValue("colour", "colour is required, as #rrggbb");
        if (background == null) background = DEFAULT_BACKGROUND;
        Objects.requireNonNull(touches, "touches");
        if (touches.isEmpty()) throw new InvalidValue("touches", "a performance needs at least one touch");
    }
}
