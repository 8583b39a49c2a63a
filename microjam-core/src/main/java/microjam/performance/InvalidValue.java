// A value that breaks a domain rule; names the field so every edge can report it precisely.
package microjam.performance;

public class InvalidValue extends IllegalArgumentException {
    private final String field;

    public InvalidValue(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
