// A research report in a directory (the server shows DATA_DIR/research at PATH) that is withdrawn as soon
// as any performance it was built from is deleted. The ids it was built from stay in the database
// (ReportBasisStore: they leave with their performance); the directory holds only BASIS, the report's own
// id and how many performances it was built from. The report counts as current while that many remain;
// fewer, and its files are deleted. Nothing is served without BASIS, which is written last.
package microjam.research;

import microjam.store.Database;
import microjam.store.PerformanceStore;
import microjam.store.ReportBasisStore;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

public final class PublishedReport {
    /** Where `microjam serve` shows the report in DATA_DIR/research. */
    public static final String PATH = "/research-report";
    static final String BASIS = "basis.txt";

    private record Basis(UUID report, int performances) {
    }

    private final Path dir;
    private final ReportBasisStore basis;

    public PublishedReport(Path dir, Database database) {
        this.dir = dir;
        this.basis = new ReportBasisStore(database);
    }

    /**
     * Replaces the report with a new one built from these performances: the old one is withdrawn, the new
     * one's basis recorded, its files written by writeFiles, and BASIS last. Fails, leaving no report, when
     * one of the performances is deleted meanwhile.
     */
    public void publish(List<PerformanceStore.Owned> performances, Consumer<Path> writeFiles) {
        withdraw();
        UUID report = UUID.randomUUID();
        int recorded = basis.record(report, performances.stream().map(o -> o.performance().id()).toList());
        if (recorded < performances.size()) {
            basis.forget(report);
            throw new IllegalStateException("a performance was deleted while the report was being built; run it again");
        }
        writeFiles.accept(dir);
        try {
            Path temp = Files.createTempFile(dir, "basis", ".tmp");
            Files.writeString(temp, "report=" + report + "\nperformances=" + performances.size() + "\n");
            Files.move(temp, dir.resolve(BASIS), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(BASIS), e);
        }
        if (!current()) throw new IllegalStateException("a performance was deleted while the report was being written; run it again");
    }

    /**
     * Whether a report is here and every performance it was built from still exists. A report that holds
     * a deleted performance is withdrawn here and now. No BASIS: no report (or one still being written).
     */
    public synchronized boolean current() {
        Optional<Basis> b = readBasis();
        if (b.isEmpty()) return false;
        if (b.get().report() != null && basis.remaining(b.get().report()) == b.get().performances()) return true;
        withdraw();
        return false;
    }

    /**
     * At start: a report without BASIS is one from before reports recorded their performances (its
     * features.csv held a row per performance) or a build that never finished; neither can be checked, so
     * it goes. A report with BASIS is checked as on every request.
     */
    public synchronized void sweep() {
        if (readBasis().isEmpty()) deleteFiles();
        else current();
    }

    /** Deletes the report: BASIS first (it stops being served at once), then its files, then its ids in the database. */
    public synchronized void withdraw() {
        Optional<Basis> b = readBasis();
        try {
            Files.deleteIfExists(dir.resolve(BASIS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot withdraw the report in " + dir, e);
        }
        deleteFiles();
        b.map(Basis::report).ifPresent(basis::forget);
    }

    private void deleteFiles() {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> isOurs(f.getFileName().toString())).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot withdraw the report in " + dir, e);
        }
    }

    // The report's files, and a BASIS left half-written by a build that stopped.
    private static boolean isOurs(String name) {
        return Report.isReportFile(name) || (name.startsWith("basis") && name.endsWith(".tmp"));
    }

    /** BASIS as written; a file that cannot be read as one names no report (null) and so is never current. */
    private Optional<Basis> readBasis() {
        Path file = dir.resolve(BASIS);
        if (!Files.isRegularFile(file)) return Optional.empty();
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
            return Optional.of(new Basis(UUID.fromString(p.getProperty("report")), Integer.parseInt(p.getProperty("performances"))));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.of(new Basis(null, -1));
        }
    }
}
