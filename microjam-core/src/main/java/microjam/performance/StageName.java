// A performer's public name, in the one form it is stored and shown: Unicode NFKC (fullwidth letters,
// ligatures and odd spaces become their plain forms), spaces trimmed and never doubled, 1-32 characters
// as stored, and nothing that cannot be seen: no control, text-direction, invisible or unassigned characters.
// Which names are the same name (look-alikes, case) is decided where names are stored (the server's StageNameKeys).
package microjam.performance;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

public record StageName(String value) {
    public static final int MAX_LENGTH = 32;
    /**
     * Code points read before normalising: NFKC composes at most four code points into one (a canonical
     * decomposition is at most four long, e.g. ᾇ: α and three marks), so a name that can fit in
     * {@link #MAX_LENGTH} is never longer than this.
     */
    static final int MAX_INPUT_LENGTH = 4 * MAX_LENGTH;

    public StageName {
        if (value == null) throw new InvalidValue("stageName", "stageName is required");
        value = value.strip();
        if (value.codePointCount(0, value.length()) > MAX_INPUT_LENGTH)
            throw new InvalidValue("stageName", "stageName must be 1 to " + MAX_LENGTH + " characters (sent "
                    + value.codePointCount(0, value.length()) + " before normalising)");
        refuseInvisible(value); // before normalising, so the message names the character that was sent
        // NFKC turns a no-break, thin, ideographic or other odd space into U+0020: such a space is normalised
        // rather than refused (people paste them), and then, like every space, trimmed and never doubled.
        value = Normalizer.normalize(value, Normalizer.Form.NFKC).strip().replaceAll(" {2,}", " ");
        refuseInvisible(value);
        value.codePoints().filter(c -> Character.getType(c) == Character.SPACE_SEPARATOR && c != ' ').findFirst().ifPresent(c -> {
            throw new InvalidValue("stageName", "stageName must not contain spaces other than the ordinary space (found " + codePoint(c) + ")");
        });
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > MAX_LENGTH) throw tooLong(value);
    }

    /**
     * The valid name nearest to one stored under older, looser rules: its normal form, else the name with
     * every invisible character dropped, odd spaces made ordinary and cut to {@link #MAX_LENGTH}; empty
     * when nothing visible is left. For migrating stored names, never for names people send.
     */
    public static Optional<StageName> salvage(String stored) {
        try {
            return Optional.of(new StageName(stored));
        } catch (InvalidValue unfit) {
            String visible = Normalizer.normalize(withoutInvisible(stored), Normalizer.Form.NFKC);
            int[] kept = withoutInvisible(visible).codePoints()
                    .map(c -> Character.getType(c) == Character.SPACE_SEPARATOR ? ' ' : c).toArray();
            String cut = new String(kept, 0, Math.min(kept.length, MAX_LENGTH)).strip().replaceAll(" {2,}", " ");
            try {
                return cut.isEmpty() ? Optional.empty() : Optional.of(new StageName(cut));
            } catch (InvalidValue stillUnfit) { // e.g. a cut between an emoji and its joiner
                return Optional.empty();
            }
        }
    }

    private static String withoutInvisible(String text) {
        int[] codePoints = text.codePoints().toArray();
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < codePoints.length; i++)
            if (!isForbidden(codePoints[i]) || joinsAnEmoji(codePoints, i)) kept.appendCodePoint(codePoints[i]);
        return kept.toString();
    }

    private static InvalidValue tooLong(String value) {
        return new InvalidValue("stageName", "stageName must be 1 to " + MAX_LENGTH + " characters once normalised (was "
                + value.codePointCount(0, value.length()) + ")");
    }

    private static void refuseInvisible(String value) {
        int[] codePoints = value.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            if (isForbidden(c) && !joinsAnEmoji(codePoints, i))
                throw new InvalidValue("stageName", "stageName must not contain control, text-direction, invisible or unassigned characters (found "
                        + codePoint(c) + ")");
        }
    }

    private static String codePoint(int c) {
        return String.format(Locale.ROOT, "U+%04X", c);
    }

    /**
     * Control characters break logs and layouts; text-direction controls, format characters (Unicode
     * category Cf: zero-width space, byte-order mark, soft hyphen, tags...) and the other default-ignorable
     * code points are invisible, so "RoboJam" with one of them looks exactly like RoboJam.
     */
    private static boolean isForbidden(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || isDefaultIgnorable(c) || c == BRAILLE_PATTERN_BLANK;
    }

    /** Drawn as nothing, yet a symbol (So), not a space: a favourite for names that look empty. */
    private static final int BRAILLE_PATTERN_BLANK = 0x2800;

    /**
     * Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, the same ranges from Unicode 15.1
     * to 18): code points that render as nothing when a font has no glyph for them. The JDK has no
     * accessor for the property; the server's tests check these ranges against ICU's.
     */
    private static final int[][] DEFAULT_IGNORABLE = {
            {0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x061C, 0x061C}, {0x115F, 0x1160}, {0x17B4, 0x17B5}, {0x180B, 0x180F},
            {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x206F}, {0x3164, 0x3164}, {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF},
            {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFF8}, {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF}};

    static boolean isDefaultIgnorable(int c) {
        for (int[] range : DEFAULT_IGNORABLE) if (c >= range[0] && c <= range[1]) return true;
        return false;
    }

    private static final int ZERO_WIDTH_JOINER = 0x200D, TEXT_PRESENTATION = 0xFE0E, EMOJI_PRESENTATION = 0xFE0F;

    /**
     * The two invisible characters an emoji needs, and only where it needs them: a presentation selector
     * right after an emoji (phones send "❤️" as U+2764 U+FE0F) and a joiner between two emoji ("👩‍🎤").
     * They cannot disguise a name: the look-alike check ignores them.
     */
    private static boolean joinsAnEmoji(int[] codePoints, int i) {
        int c = codePoints[i];
        if (c == TEXT_PRESENTATION || c == EMOJI_PRESENTATION) return i > 0 && Character.isEmoji(codePoints[i - 1]);
        if (c != ZERO_WIDTH_JOINER || i == 0 || i + 1 == codePoints.length) return false;
        int before = codePoints[i - 1] == EMOJI_PRESENTATION && i > 1 ? codePoints[i - 2] : codePoints[i - 1];
        return (Character.isExtendedPictographic(before) || Character.isEmojiModifier(before))
                && Character.isExtendedPictographic(codePoints[i + 1]);
    }
}
