// Our log lines are logfmt: "event=NAME key=value …", one line each, so they can be searched and
// parsed. Values with spaces, quotes or anything unprintable are quoted and escaped. What may go in is up
// to the caller: never a token, an address, a stage name or touch data.
package microjam.console;

import java.util.Locale;

public final class LogLine {
    private LogLine() {
    }

    /**
     * A value as logfmt writes it: bare when it is visible ASCII other than a quote, '=' or a backslash;
     * otherwise quoted, with quotes and backslashes escaped and every character outside printable ASCII
     * (line breaks, tabs, terminal escapes, Unicode line separators, bidi overrides) written as an escape
     * (backslash n, r, t, or backslash u and four hex digits), so a value a client chose can neither end
     * the line nor add a field, and a reader sees every character that was in it.
     */
    public static String value(Object value) {
        String text = String.valueOf(value);
        if (!text.isEmpty() && text.chars().allMatch(LogLine::bare)) return text;
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c >= ' ' && c <= '~') quoted.append(c);
                    else quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static boolean bare(int c) {
        return c > ' ' && c <= '~' && c != '"' && c != '=' && c != '\\';
    }

    /** Why something failed, in one line: the first line of the innermost cause's message, or its type. */
    public static String cause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) root = root.getCause();
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
