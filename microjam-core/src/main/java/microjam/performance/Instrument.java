// The nine instruments of the original app, in its order (their ids 0-8).
package microjam.performance;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

public enum Instrument {
    CHIRP, KEYS, DRUMS, STRINGS, QUACK, WUB, PAD, FMLEAD, LEADGUITAR;

    public static final String NAMES = Arrays.stream(values()).map(Instrument::wireName).collect(Collectors.joining(", "));

    public int id() {
        return ordinal();
    }

    /** The lower-case name used in the API, CSV exports and the original app. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Instrument parse(String name) {
        if (name == null || name.isBlank()) throw new InvalidValue("instrument", "instrument is required, one of: " + NAMES);
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("instrument", "instrument must be one of: " + NAMES);
        }
    }
}
