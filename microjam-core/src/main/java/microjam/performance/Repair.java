// Turns a real-world microjam file that breaks today's rules into a valid performance, and says
// what it changed: the importer's --repair (trim to 5 s, clip into the square, keep 2,000 touches).
package microjam.performance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

public final class Repair {
    public record Result(Touches touches, List<String> changes) {
        public Result {
            changes = List.copyOf(changes);
        }
    }

    private Repair() {
    }

    public static Result repair(String text) {
        List<String> lines = (text.startsWith("\uFEFF") ? text.substring(1) : text).lines().toList();
        if (lines.isEmpty() || !TouchCsv.isHeader(lines.getFirst()))
            throw new TouchCsvException(1, "the first line must be the header \"" + TouchCsv.HEADER + "\"");
        List<Touch> kept = new ArrayList<>();
        Counts counts = new Counts();
        double previous = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            double[] row = parseLeniently(line, i + 1, counts);
            if (row == null) continue;
            if (row[0] < previous) {
                counts.outOfOrder++;
                continue;
            }
            if (row[0] > Touches.MAX_SECONDS) {
                counts.afterLimit++;
                continue;
            }
            previous = row[0];
            if (kept.size() == Touches.MAX_TOUCHES) {
                counts.overCount++;
                continue;
            }
            kept.add(clipped(row, counts));
        }
        return new Result(new Touches(kept), counts.describe());
    }

    private static double[] parseLeniently(String line, int lineNumber, Counts counts) {
        String[] fields = TouchCsv.fields(line);
        if (fields.length != 5) {
            counts.unreadable.add(lineNumber);
            return null;
        }
        double[] row = new double[5];
        try {
            for (int f = 0; f < 5; f++) row[f] = TouchCsv.number(fields[f], "field", lineNumber);
        } catch (TouchCsvException e) {
            counts.unreadable.add(lineNumber);
            return null;
        }
        if (row[0] < 0) {
            counts.unreadable.add(lineNumber);
            return null;
        }
        return row;
    }

    private static Touch clipped(double[] row, Counts counts) {
        double x = clip01(row[1]), y = clip01(row[2]), z = Math.min(Touch.MAX_Z, Math.max(0, row[3]));
        if (x != row[1] || y != row[2]) counts.clipped++;
        if (z != row[3]) counts.sizeOutside++;
        if (row[4] != 0 && row[4] != 1) counts.movingFixed++;
        return new Touch(row[0], x, y, z, row[4] != 0);
    }

    private static double clip01(double v) {
        return Math.min(1, Math.max(0, v));
    }

    private static final class Counts {
        final List<Integer> unreadable = new ArrayList<>();
        int outOfOrder, afterLimit, overCount, clipped, sizeOutside, movingFixed;

        List<String> describe() {
            List<String> changes = new ArrayList<>();
            if (!unreadable.isEmpty()) changes.add("dropped " + unreadable.size() + " unreadable line(s): " + lineList());
            if (afterLimit > 0) changes.add(String.format(Locale.ROOT, "trimmed to %.1f s: dropped %d touch(es) after it", Touches.MAX_SECONDS, afterLimit));
            if (outOfOrder > 0) changes.add("dropped " + outOfOrder + " touch(es) earlier than the touch before them");
            if (overCount > 0) changes.add("kept the first " + Touches.MAX_TOUCHES + " touches: dropped " + overCount);
            if (clipped > 0) changes.add("clipped " + clipped + " position(s) into the square");
            if (sizeOutside > 0) changes.add("clipped " + sizeOutside + " touch size(s) into 0-" + (int) Touch.MAX_Z);
            if (movingFixed > 0) changes.add("read " + movingFixed + " moving value(s) other than 0/1 as 1");
            return changes;
        }

        private String lineList() {
            List<Integer> shown = unreadable.subList(0, Math.min(5, unreadable.size()));
            String list = "line " + String.join(", ", shown.stream().map(String::valueOf).toList());
            return unreadable.size() > shown.size() ? list + ", …" : list;
        }
    }
}
