// Seeded random cases for the CSV format: round trips are exact to 6 decimals, whatever is accepted
// obeys every rule, and garbage only ever raises the parser's own error. Seed: -Dfuzz.seed, cases: -Dfuzz.tries.
package microjam.performance;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class TouchCsvPropertyTest {
    static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    static final int TRIES = Integer.getInteger("fuzz.tries", 500);

    @Test
    void writeThenReadRoundTripsToSixDecimals() {
        Random random = new Random(SEED);
        for (int i = 0; i < TRIES; i++) {
            Touches touches = randomTouches(random);
            String written = TouchCsv.write(touches);
            Touches read = TouchCsv.read(written);
            String context = "seed " + SEED + " case " + i;
            assertThat(TouchCsv.write(read)).as(context).isEqualTo(written);
            assertThat(read.size()).as(context).isEqualTo(touches.size());
            for (int t = 0; t < touches.size(); t++) {
                assertThat(read.get(t).x()).as(context).isCloseTo(touches.get(t).x(), org.assertj.core.data.Offset.offset(5e-7));
                assertThat(read.get(t).moving()).as(context).isEqualTo(touches.get(t).moving());
            }
        }
    }

    /** Nothing is stored that cannot be read back: the largest performance the rules allow writes within the reader's limit. */
    @Test
    void everyValidPerformanceWritesWithinTheReadersLimit() {
        List<Touch> largest = new ArrayList<>();
        double last = Touches.MAX_SECONDS + Touches.TIME_TOLERANCE;
        for (int i = 0; i < Touches.MAX_TOUCHES; i++) largest.add(new Touch(last, 1, 1, Touch.MAX_Z, true));
        String written = TouchCsv.write(new Touches(largest));
        assertThat(written.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(TouchCsv.MAX_BYTES);
        assertThat(TouchCsv.read(written).size()).isEqualTo(Touches.MAX_TOUCHES);
        assertThatThrownBy(() -> new Touch(0, 0.5, 0.5, Math.nextUp(Touch.MAX_Z), false)).isInstanceOf(InvalidValue.class)
                .extracting(e -> ((InvalidValue) e).field()).isEqualTo("z");
    }

    @Test
    void numbersAreWrittenExactlyAsPrintfWritesThem() {
        Random random = new Random(SEED + 2);
        double[] edges = {0, -0.0, 1, 5, 0.5, 0.0000005, 0.0000015, 0.1234565, 2.5e-7, 1e-7, 123456.7890125, 1e15, Double.MIN_VALUE};
        for (double v : edges) assertThat(TouchCsv.fixed6(new StringBuilder(), v).toString()).as("%s", v).isEqualTo(String.format(java.util.Locale.ROOT, "%f", v));
        for (int i = 0; i < TRIES * 20; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextDouble();
                case 1 -> random.nextInt(10_000_000) / 2e6; // halfway cases of the sixth decimal
                case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(12) - 4);
                default -> Math.round(random.nextDouble() * 1e7) / 1e7;
            };
            assertThat(TouchCsv.fixed6(new StringBuilder(), v).toString()).as("seed %d case %d: %s", SEED + 2, i, v)
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%f", v));
        }
    }

    @Test
    void theDecimalRuleIsThePatternItStandsFor() {
        java.util.regex.Pattern decimal = java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
        String alphabet = "0123456789+-.eE xNa\u0663";
        Random random = new Random(SEED + 3);
        for (int i = 0; i < TRIES * 20; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) text.append(alphabet.charAt(random.nextInt(i % 2 == 0 ? 15 : alphabet.length())));
            assertThat(TouchCsv.isDecimal(text.toString())).as("seed %d case %d: \"%s\"", SEED + 3, i, text)
                    .isEqualTo(decimal.matcher(text).matches());
        }
    }

    @Test
    void everyAcceptedFileObeysTheRules() {
        Random random = new Random(SEED + 1);
        int accepted = 0;
        for (int i = 0; i < TRIES * 4; i++) {
            String text = mutated(TouchCsv.write(randomTouches(random)), random);
            Touches touches;
            try {
                touches = TouchCsv.read(text);
            } catch (TouchCsvException e) {
                continue;
            }
            accepted++;
            double previous = 0;
            for (Touch t : touches.list()) {
                String context = "seed " + (SEED + 1) + " case " + i + ": " + t;
                assertThat(t.time()).as(context).isBetween(previous, Touches.MAX_SECONDS + Touches.TIME_TOLERANCE);
                assertThat(t.x()).as(context).isBetween(0.0, 1.0);
                assertThat(t.y()).as(context).isBetween(0.0, 1.0);
                assertThat(t.z()).as(context).isGreaterThanOrEqualTo(0.0).isFinite();
                previous = t.time();
            }
            assertThat(touches.size()).isLessThanOrEqualTo(Touches.MAX_TOUCHES);
        }
        assertThat(accepted).as("some mutated files are still valid").isPositive();
    }

    @Test
    void garbageOnlyRaisesTheParsersOwnError() {
        Random random = new Random(SEED + 2);
        for (int i = 0; i < TRIES * 4; i++) {
            String text = random.nextInt(3) == 0 ? randomText(random) : mutated(TouchCsv.write(randomTouches(random)), random);
            try {
                TouchCsv.read(text);
            } catch (TouchCsvException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException e) {
                fail("seed " + (SEED + 2) + " case " + i + " threw " + e + " for: " + text.substring(0, Math.min(200, text.length())));
            }
        }
    }

    static Touches randomTouches(Random random) {
        int n = random.nextInt(60);
        List<Touch> list = new ArrayList<>(n);
        double time = 0;
        for (int i = 0; i < n; i++) {
            time = Math.min(Touches.MAX_SECONDS, time + random.nextDouble() * 0.2);
            list.add(new Touch(time, random.nextDouble(), random.nextDouble(), random.nextDouble() * 100, i > 0 && random.nextBoolean()));
        }
        return new Touches(list);
    }

    private static final String[] NASTY = {",", "\n", "-", "e", "E", "NaN", "Infinity", "1e308", "99", ".", " ", "\u0000",
            "\u202e", "\"", "0x10", "1.5", "-0", "\r", "9".repeat(400), "é", "\uD800"};

    static String mutated(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && !s.isEmpty(); e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0 -> s.deleteCharAt(at);
                case 1 -> s.insert(at, NASTY[random.nextInt(NASTY.length)]);
                default -> s.setCharAt(at, (char) (32 + random.nextInt(95)));
            }
        }
        return s.toString();
    }

    static String randomText(Random random) {
        StringBuilder s = new StringBuilder(random.nextBoolean() ? "time,x,y,z,moving\n" : "");
        int n = random.nextInt(200);
        for (int i = 0; i < n; i++) s.append(random.nextInt(4) == 0 ? NASTY[random.nextInt(NASTY.length)] : (char) random.nextInt(0x3000));
        return s.toString();
    }
}
