// Imports a directory of microjam CSV files (the original app's research export) as performances of
// one new performer. Each file is checked whole first; nothing is written for a file that fails,
// and no performer is created when no file is accepted.
package microjam.importer;

import microjam.performance.Colour;
import microjam.performance.Instrument;
import microjam.performance.InvalidValue;
import microjam.performance.NewPerformance;
import microjam.performance.Performer;
import microjam.performance.Repair;
import microjam.performance.StageName;
import microjam.performance.TouchCsv;
import microjam.performance.Touches;
import microjam.store.Database;
import microjam.store.PerformanceStore;
import microjam.store.PerformerStore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

public final class Importer {
    /** With --repair, longer files are read too (the corpus has sessions of minutes), up to this size. */
    public static final long MAX_REPAIR_BYTES = 16L * 1024 * 1024;

    public record Request(Path directory, StageName stageName, Instrument instrument, Colour colour, boolean repair) {
    }

    public sealed interface Checked permits Accepted, Rejected {
    }

    public record Accepted(Path file, Touches touches, List<String> repairs) implements Checked {
    }

    public record Rejected(Path file, String reason) implements Checked {
    }

    public record Report(Performer performer, String token, int imported, List<Accepted> repaired, List<Rejected> rejected) {
    }

    public sealed interface Outcome {
        record Done(Report report) implements Outcome {}
        record NothingAccepted(List<Rejected> rejected) implements Outcome {}
        /** lookAlike: the existing name (or RoboJam's) the new one would be taken for. */
        record NameTaken(String lookAlike) implements Outcome {}
    }

    private final PerformerStore performers;
    private final PerformanceStore performances;

    public Importer(Database database) {
        this.performers = new PerformerStore(database);
        this.performances = new PerformanceStore(database);
    }

    public static List<Path> csvFiles(Path directory) {
        if (!Files.isDirectory(directory)) throw new IllegalArgumentException("not a directory: " + directory);
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> csv = files.filter(f -> f.getFileName().toString().endsWith(".csv") && Files.isRegularFile(f)).sorted().toList();
            if (csv.isEmpty()) throw new IllegalArgumentException("no .csv files in " + directory);
            return csv;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + directory + ": " + e.getMessage());
        }
    }

    /** Reads and checks one file; never throws for bad content. */
    public static Checked check(Path file, boolean repair) {
        try {
            long size = Files.size(file);
            long limit = repair ? MAX_REPAIR_BYTES : TouchCsv.MAX_BYTES;
            if (size > limit) return new Rejected(file, "the file is larger than " + limit + " bytes");
            String text = decode(Files.readAllBytes(file));
            if (repair) {
                Repair.Result result = Repair.repair(text);
                if (result.touches().isEmpty()) return new Rejected(file, "no touches left" + (result.changes().isEmpty() ? "" : " after repair: " + String.join("; ", result.changes())));
                return new Accepted(file, result.touches(), result.changes());
            }
            Touches touches = TouchCsv.read(text);
            if (touches.isEmpty()) return new Rejected(file, "the file has no touches");
            return new Accepted(file, touches, List.of());
        } catch (InvalidValue e) {
            return new Rejected(file, e.getMessage());
        } catch (CharacterCodingException e) {
            return new Rejected(file, "the file is not UTF-8 text");
        } catch (IOException e) {
            return new Rejected(file, "cannot read it: " + e.getMessage());
        }
    }

    public Outcome importAll(Request request, List<Accepted> accepted, List<Rejected> rejected, Runnable onPublished) {
        if (accepted.isEmpty()) return new Outcome.NothingAccepted(rejected);
        return switch (performers.create(request.stageName(), request.colour())) {
            case PerformerStore.NameTaken(String lookAlike) -> new Outcome.NameTaken(lookAlike);
            case PerformerStore.Creation.Created(Performer performer, String token) -> {
                List<Accepted> repaired = new ArrayList<>();
                for (Accepted a : accepted) {
                    performances.publish(performer.id(), new NewPerformance(request.instrument(), request.colour(), null, null, a.touches()));
                    if (!a.repairs().isEmpty()) repaired.add(a);
                    onPublished.run();
                }
                yield new Outcome.Done(new Report(performer, token, accepted.size(), repaired, rejected));
            }
        };
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
