// The original app's touch format: header "time,x,y,z,moving", then "%f, %f, %f, %f, %d" per touch.
// Reading is strict and explains the first broken rule; writing emits exactly the original style.
package microjam.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

public final class TouchCsv {
    public static final String HEADER = "time,x,y,z,moving";
    public static final int MAX_BYTES = 128 * 1024;
    private static final String[] FIELDS = {"time", "x", "y", "z", "moving"};
    private static final Pattern SEPARATOR = Pattern.compile("[ \\t]*,[ \\t]*");

    private TouchCsv() {
    }

    public static Touches read(String text) {
        if (text == null) throw new TouchCsvException(0, "the touches are missing");
        int bytes = utf8Length(text);
        if (bytes > MAX_BYTES) throw new TouchCsvException(0, "a performance file is at most " + MAX_BYTES + " bytes (was " + bytes + ")");
        List<String> lines = lines(text.startsWith("\uFEFF") ? text.substring(1) : text);
        int last = lines.size();
        while (last > 0 && lines.get(last - 1).isBlank()) last--;
        if (last == 0 || !isHeader(lines.getFirst()))
            throw new TouchCsvException(1, "the first line must be the header \"" + HEADER + "\"");
        if (last - 1 > Touches.MAX_TOUCHES)
            throw new TouchCsvException(0, "a performance has at most " + Touches.MAX_TOUCHES + " touches (had " + (last - 1) + ")");
        List<Touch> touches = new ArrayList<>(last - 1);
        double previous = 0;
        for (int i = 1; i < last; i++) {
            Touch touch = parseRow(lines.get(i), i + 1);
            if (touch.time() > Touches.MAX_SECONDS + Touches.TIME_TOLERANCE)
                throw new TouchCsvException(i + 1, "time must be at most " + Touches.MAX_SECONDS + " s (was " + touch.time() + ")");
            if (touch.time() < previous)
                throw new TouchCsvException(i + 1, "time must not decrease (was " + touch.time() + " after " + previous + ")");
            previous = touch.time();
            touches.add(touch);
        }
        return new Touches(touches);
    }

    /** The text's lines as String.lines cuts them (at \n, \r or \r\n; no empty last line after a final break), without streams (TeaVM's String has
     * no lines()). */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0, n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (ch != '\n' && ch != '\r') continue;
            lines.add(text.substring(start, i));
            if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
            start = i + 1;
        }
        if (start < n) lines.add(text.substring(start));
        return lines;
    }

    public static String write(Touches touches) {
        StringBuilder out = new StringBuilder(HEADER.length() + 1 + touches.size() * 44);
        out.append(HEADER).append('\n');
        for (Touch t : touches.list()) {
            fixed6(out, t.time()).append(", ");
            fixed6(out, t.x()).append(", ");
            fixed6(out, t.y()).append(", ");
            fixed6(out, t.z()).append(", ").append(t.movingFlag()).append('\n');
        }
        return out.toString();
    }

    // What String.format("%f") writes (six decimals, half up from the shortest decimal that names the
    // double), at a fraction of its cost: every upload and every stored read passes through here.
    static StringBuilder fixed6(StringBuilder out, double value) {
        if (value == 0 && 1 / value < 0) return out.append("-0.000000");
        return out.append(BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).toPlainString());
    }

    static boolean isHeader(String line) {
        return SEPARATOR.matcher(line.strip()).replaceAll(",").equals(HEADER);
    }

    /** The fields of a row: split at commas, spaces and tabs around each comma dropped. */
    static String[] fields(String line) {
        String row = line.strip();
        int count = 1;
        for (int i = 0; i < row.length(); i++) if (row.charAt(i) == ',') count++;
        String[] fields = new String[count];
        int start = 0;
        for (int f = 0; f < count; f++) {
            int end = f == count - 1 ? row.length() : row.indexOf(',', start);
            int a = start, b = end;
            while (a < b && isBlank(row.charAt(a))) a++;
            while (b > a && isBlank(row.charAt(b - 1))) b--;
            fields[f] = row.substring(a, b);
            start = end + 1;
        }
        return fields;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static Touch parseRow(String line, int lineNumber) {
        String[] fields = fields(line);
        if (fields.length != FIELDS.length)
            throw new TouchCsvException(lineNumber, "each touch has 5 fields time,x,y,z,moving (found " + fields.length + ")");
        double[] values = new double[FIELDS.length];
        for (int f = 0; f < FIELDS.length; f++) values[f] = number(fields[f], FIELDS[f], lineNumber);
        if (!fields[4].equals("0") && !fields[4].equals("1"))
            throw new TouchCsvException(lineNumber, "moving must be 0 or 1 (was " + abbreviate(fields[4]) + ")");
        try {
            return new Touch(values[0], values[1], values[2], values[3], values[4] == 1);
        } catch (InvalidValue e) {
            throw new TouchCsvException(lineNumber, e.getMessage());
        }
    }

    static double number(String text, String field, int lineNumber) {
        if (!isDecimal(text)) {
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.contains("nan") || lower.contains("inf"))
                throw new TouchCsvException(lineNumber, field + " must be a finite number (was " + abbreviate(text) + ")");
            throw new TouchCsvException(lineNumber, field + " must be a decimal number (was \"" + abbreviate(text) + "\")");
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value))
            throw new TouchCsvException(lineNumber, field + " must be a finite number (was " + abbreviate(text) + ")");
        return value;
    }

    /** [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)? : plain decimals, no hex, no NaN, no suffixes. */
    static boolean isDecimal(String text) {
        int i = 0, n = text.length();
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) i++;
        int intDigits = 0, fractionDigits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            intDigits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                fractionDigits++;
            }
        }
        if (intDigits == 0 && fractionDigits == 0) return false;
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) i++;
            int exponentDigits = 0;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) return false;
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String abbreviate(String text) {
        String printable = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= 24 ? printable : printable.substring(0, 24) + "…";
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
