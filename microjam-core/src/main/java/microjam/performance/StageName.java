// A performer's public name: 1-32 characters once trimmed, printable, without direction overrides.
package microjam.performance;

import java.util.Locale;

public record StageName(String value) {
    public static final int MAX_LENGTH = 32;

    public StageName {
        if (value == null) throw new InvalidValue("stageName", "stageName is required");
        value = value.strip();
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > MAX_LENGTH)
            throw new InvalidValue("stageName", "stageName must be 1 to " + MAX_LENGTH + " characters (was " + length + ")");
        value.codePoints().filter(StageName::isForbidden).findFirst().ifPresent(c -> {
            throw new InvalidValue("stageName", "stageName must not contain control or text-direction characters (found U+"
                    + String.format(Locale.ROOT, "%04X", c) + ")");
        });
    }

    // Control characters break logs and layouts; bidirectional overrides let a name impersonate another.
    private static boolean isForbidden(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }

    /** Names are unique ignoring case: this is the form compared. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }
}
