// Where training data comes from: directories or files of microjam CSVs or Metatone logs (told apart
// by their header), optionally only the files a list names (e.g. cc0.txt), and/or the public
// performances of a MicroJam database.
package microjam.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

public final class Sources {
    private Sources() {
    }

    public static List<Session> read(List<Path> paths, Set<String> only, String databaseUrl) {
        List<Session> sessions = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) throw new IllegalArgumentException("no such data: " + path);
            List<Path> files = Files.isDirectory(path) ? csvFiles(path) : List.of(path);
            boolean metatone = !files.isEmpty() && header(files.getFirst()).startsWith("time,device");
            if (metatone) for (Path f : files) sessions.addAll(MetatoneReader.read(f));
            else sessions.addAll(Files.isDirectory(path) ? MicrojamReader.directory(path, only) : List.of(microjamFile(path)));
        }
        if (databaseUrl != null) sessions.addAll(MicrojamReader.database(databaseUrl));
        if (sessions.isEmpty()) throw new IllegalArgumentException("no training data found in " + paths + (databaseUrl != null ? " or the database" : ""));
        return sessions;
    }

    private static Session microjamFile(Path file) {
        try {
            return MicrojamReader.parse(file.getFileName().toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> csvFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
