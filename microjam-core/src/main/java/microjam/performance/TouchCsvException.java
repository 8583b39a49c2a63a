// A microjam CSV that breaks a rule: says which line (1 = the header) and which rule.
package microjam.performance;

public final class TouchCsvException extends InvalidValue {
    private final int line;
    private final String rule;

    public TouchCsvException(int line, String rule) {
        super("touches", line > 0 ? "line " + line + ": " + rule : rule);
        this.line = line;
        this.rule = rule;
    }

    /** The 1-based line number, or 0 where the rule concerns the whole file. */
    public int line() {
        return line;
    }

    public String rule() {
        return rule;
    }
}
