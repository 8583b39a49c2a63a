// The microjam CSV rules, one by one: each broken rule is refused whole with its line and the rule.
package microjam.performance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TouchCsvTest {
    private static final String HEADER = "time,x,y,z,moving\n";

    @Test
    void readsTheOriginalAppsFormat() {
        Touches touches = TouchCsv.read(HEADER + "0.005213, 0.711230, 0.070856, 25.524292, 0\n0.020000, 0.72, 0.08, 25.5, 1\n");
        assertThat(touches.list()).containsExactly(
                new Touch(0.005213, 0.711230, 0.070856, 25.524292, false),
                new Touch(0.02, 0.72, 0.08, 25.5, true));
    }

    @Test
    void writesExactlyTheOriginalStyle() {
        String csv = TouchCsv.write(new Touches(List.of(new Touch(0.005213, 0.71123, 0.070856, 25.524292, false))));
        assertThat(csv).isEqualTo("time,x,y,z,moving\n0.005213, 0.711230, 0.070856, 25.524292, 0\n");
    }

    @Test
    void acceptsSeparatorsWithOrWithoutSpacesCrlfAndTrailingBlankLines() {
        Touches touches = TouchCsv.read("time, x, y, z, moving\r\n0.1,0.2,0.3,0,0\r\n0.2 ,\t0.2 , 0.3,0,1\r\n\r\n\n");
        assertThat(touches.size()).isEqualTo(2);
    }

    @Test
    void anEmptyPerformanceIsAHeaderAlone() {
        assertThat(TouchCsv.read(HEADER).isEmpty()).isTrue();
        assertThat(TouchCsv.write(Touches.NONE)).isEqualTo(HEADER);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            header missing               | 0.1, 0.2, 0.3, 0, 0                         | 1 | the first line must be the header
            too few fields               | time,x,y,z,moving\\n0.1, 0.2, 0.3, 0        | 2 | each touch has 5 fields
            too many fields              | time,x,y,z,moving\\n0.1, 0.2, 0.3, 0, 0, 1  | 2 | each touch has 5 fields
            text for a number            | time,x,y,z,moving\\n0.1, abc, 0.3, 0, 0     | 2 | x must be a decimal number
            hexadecimal float            | time,x,y,z,moving\\n0x1p-2, 0.2, 0.3, 0, 0  | 2 | time must be a decimal number
            NaN                          | time,x,y,z,moving\\n0.1, NaN, 0.3, 0, 0     | 2 | x must be a finite number
            Infinity                     | time,x,y,z,moving\\n0.1, 0.2, Infinity, 0, 0| 2 | y must be a finite number
            huge number overflows        | time,x,y,z,moving\\n0.1, 0.2, 0.3, 1e400, 0 | 2 | z must be a finite number
            negative time                | time,x,y,z,moving\\n-0.1, 0.2, 0.3, 0, 0    | 2 | time must be at least 0
            time past 5 s and tolerance  | time,x,y,z,moving\\n5.02, 0.2, 0.3, 0, 0    | 2 | time must be at most 5.0 s
            time decreasing              | time,x,y,z,moving\\n0.5, 0.2, 0.3, 0, 0\\n0.4, 0.2, 0.3, 0, 1 | 3 | time must not decrease
            x below 0                    | time,x,y,z,moving\\n0.1, -0.01, 0.3, 0, 0   | 2 | x must be between 0 and 1
            x above 1                    | time,x,y,z,moving\\n0.1, 1.01, 0.3, 0, 0    | 2 | x must be between 0 and 1
            y above 1                    | time,x,y,z,moving\\n0.1, 0.2, 1.5, 0, 0     | 2 | y must be between 0 and 1
            negative z                   | time,x,y,z,moving\\n0.1, 0.2, 0.3, -1, 0    | 2 | z (the touch size) must be between 0 and 1000
            z past any touch's size      | time,x,y,z,moving\\n0.1, 0.2, 0.3, 1e308, 0 | 2 | z (the touch size) must be between 0 and 1000
            moving 2                     | time,x,y,z,moving\\n0.1, 0.2, 0.3, 0, 2     | 2 | moving must be 0 or 1
            moving 0.5                   | time,x,y,z,moving\\n0.1, 0.2, 0.3, 0, 0.5   | 2 | moving must be 0 or 1
            blank line inside            | time,x,y,z,moving\\n0.1, 0.2, 0.3, 0, 0\\n\\n0.2, 0.2, 0.3, 0, 1 | 3 | each touch has 5 fields
            """)
    void refusesABrokenRuleNamingLineAndRule(String rule, String text, int line, String message) {
        assertThatThrownBy(() -> TouchCsv.read(text.replace("\\n", "\n")))
                .isInstanceOf(TouchCsvException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((TouchCsvException) e).line()).as("line of " + rule).isEqualTo(line))
                .satisfies(e -> assertThat(((TouchCsvException) e).field()).isEqualTo("touches"));
    }

    @Test
    void allowsTheLastTouchOneFrameLate() {
        assertThat(TouchCsv.read(HEADER + "5.01, 0.2, 0.3, 0, 0\n").get(0).time()).isEqualTo(5.01);
    }

    @Test
    void refusesMoreThan2000Touches() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 2001; i++) csv.append("0.001, 0.5, 0.5, 0, 1\n");
        assertThatThrownBy(() -> TouchCsv.read(csv.toString())).hasMessageContaining("at most 2000 touches (had 2001)");
        assertThat(TouchCsv.read(csv.substring(0, csv.length() - "0.001, 0.5, 0.5, 0, 1\n".length())).size()).isEqualTo(2000);
    }

    @Test
    void refusesFilesOver128KiB() {
        String padded = HEADER + "0.1, 0.2, 0.3, 0, 0" + " ".repeat(TouchCsv.MAX_BYTES) + "\n";
        assertThatThrownBy(() -> TouchCsv.read(padded)).isInstanceOf(TouchCsvException.class)
                .hasMessageContaining("at most 131072 bytes");
    }

    @Test
    void negativeZeroIsWrittenAsZero() {
        assertThat(TouchCsv.write(TouchCsv.read(HEADER + "-0.0, -0.0, 0.3, -0.0, 0\n")))
                .isEqualTo(HEADER + "0.000000, 0.000000, 0.300000, 0.000000, 0\n");
    }
}
