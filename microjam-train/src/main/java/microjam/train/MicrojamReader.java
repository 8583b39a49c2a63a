// Reads microjam CSV performances for training, as the original RoboJam did: x, y clipped to [0, 1],
// dt clipped to [0, 5] s; long files are kept whole (training is not bound by the 5 s publishing rule).
// Sources: a directory of files (optionally only those named in a list, e.g. cc0.txt), or the public
// performances in the server's database, which by construction holds no deleted performance.
package microjam.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

public final class MicrojamReader {
    private MicrojamReader() {
    }

    /** Every .csv in the directory, sorted; with only != null, just the files it names. */
    public static List<Session> directory(Path dir, Set<String> only) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Session> sessions = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                if (only != null && !only.contains(f.getFileName().toString())) continue;
                Session s = parse(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
                if (s.length() > 1) sessions.add(s);
            }
            return sessions;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    /** The public performances of a MicroJam database (SQLite or PostgreSQL JDBC URL). */
    public static List<Session> database(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, touches FROM training_performances ORDER BY id")) { // the server's read-only view for trainers (V12)
            List<Session> sessions = new ArrayList<>();
            while (rs.next()) {
                Session session = parse(rs.getString(1), rs.getString(2));
                if (session.length() > 1) sessions.add(session);
            }
            return sessions;
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot read performances from the database: " + e.getMessage(), e);
        }
    }

    static Session parse(String id, String csv) {
        List<float[]> touches = new ArrayList<>();
        List<Boolean> moving = new ArrayList<>();
        double previous = Double.NaN;
        for (String line : csv.lines().skip(1).toList()) {
            String[] f = line.split(",");
            if (f.length != 5) continue;
            double time, x, y;
            try {
                time = Double.parseDouble(f[0].strip());
                x = Double.parseDouble(f[1].strip());
                y = Double.parseDouble(f[2].strip());
            } catch (NumberFormatException e) {
                continue;
            }
            if (!Double.isFinite(time) || !Double.isFinite(x) || !Double.isFinite(y)) continue;
            double dt = Double.isNaN(previous) ? 0 : time - previous;
            previous = time;
            touches.add(new float[]{Session.clip(x, 0, 1), Session.clip(y, 0, 1), Session.clip(dt, 0, Session.MAX_DT)});
            moving.add(f[4].strip().equals("1"));
        }
        return new Session(id, touches.toArray(float[][]::new), MetatoneReader.flags(moving));
    }

    /** File names listed one per line (e.g. the CC0 list); blank lines and # comments are ignored. */
    public static Set<String> list(Path file) {
        try {
            return Set.copyOf(Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
