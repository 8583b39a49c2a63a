// A colour as the API writes it: "#rrggbb", stored lower-case.
package microjam.performance;

import java.util.Locale;
import java.util.regex.Pattern;

public record Colour(String hex) {
    private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");

    public Colour {
        if (hex == null) throw new InvalidValue("colour", "colour is required, as #rrggbb");
        hex = hex.trim().toLowerCase(Locale.ROOT);
        if (!HEX.matcher(hex).matches()) throw new InvalidValue("colour", "colour must be #rrggbb (six hex digits)");
    }

    public static Colour of(String hex, String field) {
        try {
            return new Colour(hex);
        } catch (InvalidValue e) {
            throw new InvalidValue(field, e.getMessage().replace("colour", field));
        }
    }

    public int rgb() {
        return Integer.parseInt(hex.substring(1), 16);
    }
}
