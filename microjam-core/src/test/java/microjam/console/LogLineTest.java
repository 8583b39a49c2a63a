// A logged value is always one logfmt value: whatever a client managed to put in it (spaces, quotes,
// "key=value" pairs, control characters, line separators), it can neither end the line, add a field,
// nor hide itself from a reader.
package microjam.console;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class LogLineTest {
    /** One logfmt value: a bare run of visible ASCII without quotes, '=' or '\', or a quoted string with escapes. */
    private static final Pattern ONE_VALUE = Pattern.compile("[!#-<>-\\[\\]-~]+|\"([ !#-\\[\\]-~]|\\\\[\\\\\"nrt]|\\\\u[0-9a-f]{4})*\"");

    @Test
    void plainValuesStayPlain() {
        assertThat(LogLine.value("GET")).isEqualTo("GET");
        assertThat(LogLine.value("/api/performances/{ref}")).isEqualTo("/api/performances/{ref}");
        assertThat(LogLine.value(42)).isEqualTo("42");
    }

    @Test
    void anythingElseIsOneQuotedValueThatSaysWhatWasThere() {
        assertThat(LogLine.value("GET route=/admin status=200")).isEqualTo("\"GET route=/admin status=200\"");
        assertThat(LogLine.value("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(LogLine.value("line\nbreak\r")).isEqualTo("\"line\\nbreak\\r\"");
        assertThat(LogLine.value("tab\there")).isEqualTo("\"tab\\there\"");
        assertThat(LogLine.value("\u001b[31mred")).isEqualTo("\"\\u001b[31mred\"");
        assertThat(LogLine.value("")).isEqualTo("\"\"");
    }

    @Test
    void noInputCanLeaveItsValue() {
        List<String> hostile = new ArrayList<>(List.of("x event=forged", "\"", "\\", "\\\"", "a\u2028b", "a\u0085b", "a\u202Eb",
                "a\u0000b", "a\u007fb", "\uD800", "é", "key=value"));
        for (int c = 0; c < 0x3000; c++) hostile.add("v" + (char) c + "=w");
        for (String value : hostile)
            assertThat(LogLine.value(value)).as("%s", value.codePoints().mapToObj(Integer::toHexString).toList()).matches(ONE_VALUE);
    }
}
