// microjam import: a directory of microjam CSV files becomes the performances of a new performer.
package microjam.cli;

import microjam.console.Progress;
import microjam.importer.Importer;
import microjam.performance.Colour;
import microjam.performance.Instrument;
import microjam.performance.StageName;
import microjam.robojam.RoboJam;
import microjam.store.Database;
import microjam.store.PerformerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true, defaultValueProvider = EnvironmentDefaults.class,
        description = "Import a directory of microjam CSV files (one performance each) as performances of a new performer.",
        footer = {"", "Exit codes: 0 all imported, 1 some or all files rejected (the rest are imported), 2 bad usage.",
                "", "Examples:", "  microjam import exports/ --stage-name archive",
                "  microjam import ../shared/data/microjam --stage-name corpus --instrument keys --repair"})
final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "Directory of .csv files (time,x,y,z,moving).")
    Path directory;

    @Option(names = "--stage-name", required = true, paramLabel = "NAME", description = "Stage name of the new performer (1-32 characters, not taken).")
    String stageName;

    @Option(names = "--instrument", defaultValue = "chirp", paramLabel = "NAME", description = "Instrument of every imported performance (default ${DEFAULT-VALUE}).")
    String instrument;

    @Option(names = "--colour", defaultValue = RoboJam.COLOUR_HEX, paramLabel = "#RRGGBB", description = "Colour of the performer and the performances (default ${DEFAULT-VALUE}).")
    String colour;

    @Option(names = "--repair", description = "Trim files to 5 s, clip positions into the square and keep 2,000 touches instead of rejecting them; lists each change.")
    boolean repair;

    @Mixin
    StorageOptions storage;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Importer.Request request = new Importer.Request(directory, new StageName(stageName), Instrument.parse(instrument),
                Colour.of(colour, "colour"), repair);
        List<Path> files = Importer.csvFiles(directory);
        List<Importer.Accepted> accepted = new ArrayList<>();
        List<Importer.Rejected> rejected = new ArrayList<>();
        try (Progress progress = new Progress("reading  ", files.size(), spec.commandLine().getErr())) {
            for (Path file : files) {
                switch (Importer.check(file, repair)) {
                    case Importer.Accepted a -> accepted.add(a);
                    case Importer.Rejected r -> rejected.add(r);
                }
                progress.step();
            }
        }
        try (Database database = storage.open()) {
            Importer importer = new Importer(database);
            Importer.Outcome outcome;
            try (Progress progress = new Progress("importing", accepted.size(), spec.commandLine().getErr())) {
                outcome = importer.importAll(request, accepted, rejected, progress::step);
            }
            return report(outcome, request.stageName(), files.size(), spec.commandLine().getOut());
        }
    }

    private int report(Importer.Outcome outcome, StageName name, int total, PrintWriter out) {
        return switch (outcome) {
            case Importer.Outcome.NameTaken(String lookAlike) -> throw new IllegalArgumentException(PerformerStore.nameTaken(name, lookAlike));
            case Importer.Outcome.NothingAccepted(List<Importer.Rejected> rejected) -> {
                printRejected(rejected, out);
                out.println("imported 0 of " + total + " files: every file was rejected" + (repair ? "" : " (--repair fixes length and position problems)"));
                yield Main.FAILED;
            }
            case Importer.Outcome.Done(Importer.Report r) -> {
                for (Importer.Accepted a : r.repaired())
                    out.println("repaired " + a.file().getFileName() + ": " + String.join("; ", a.repairs()));
                printRejected(r.rejected(), out);
                out.println("imported " + r.imported() + " of " + total + " files as performances of \"" + r.performer().stageName().value()
                        + "\" (performer " + r.performer().id() + ")" + (r.repaired().isEmpty() ? "" : ", " + r.repaired().size() + " repaired")
                        + (r.rejected().isEmpty() ? "" : ", " + r.rejected().size() + " rejected"));
                out.println("this performer's secret token (shown once; it signs in as them): " + r.token());
                yield r.rejected().isEmpty() ? 0 : Main.FAILED;
            }
        };
    }

    private static void printRejected(List<Importer.Rejected> rejected, PrintWriter out) {
        for (Importer.Rejected r : rejected) out.println("rejected " + r.file().getFileName() + ": " + r.reason());
    }
}
