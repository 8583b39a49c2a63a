// Our log lines are logfmt: "event=NAME key=value …", one line each, so they can be searched and
// parsed. Values with spaces or quotes are quoted; line breaks are flattened. What may go in is up
// to the caller: never a token, an address, a stage name or touch data.
package microjam.console;

public final class LogLine {
    private LogLine() {
    }

    /** A value as logfmt writes it. */
    public static String value(Object value) {
        String text = String.valueOf(value).replace('\n', ' ').replace('\r', ' ');
        boolean plain = !text.isEmpty() && text.chars().noneMatch(c -> c == ' ' || c == '"' || c == '=' || c == '\\');
        return plain ? text : '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Why something failed, in one line: the first line of the innermost cause's message, or its type. */
    public static String cause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) root = root.getCause();
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
