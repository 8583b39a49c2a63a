// microjam research: a dataset export of public performances, and the instrument comparison report.
package microjam.cli;

import microjam.console.Progress;
import microjam.performance.Performance;
import microjam.research.Features;
import microjam.research.InstrumentComparison;
import microjam.research.Report;
import microjam.research.ResearchExport;
import microjam.research.RoboJamStudy;
import microjam.research.UsageCounters;
import microjam.robojam.Model;
import microjam.robojam.RoboJam;
import microjam.store.Database;
import microjam.store.PerformanceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "research", mixinStandardHelpOptions = true, description = "Research on public performances.",
        subcommands = {ResearchCommand.Export.class, ResearchCommand.Compare.class})
final class ResearchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write public performances as microjam CSVs plus metadata.csv, with numbers random per export.",
            footer = {"", "Example:", "  microjam research export --out dataset/"})
    static final class Export implements Callable<Integer> {
        @Option(names = "--out", required = true, paramLabel = "DIR") Path out;
        @Mixin StorageOptions storage;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = storage.open()) {
                List<Performance> all = new PerformanceStore(db).all();
                int n;
                try (Progress progress = new Progress("exporting", all.size(), spec.commandLine().getErr())) {
                    n = ResearchExport.write(all, out, progress::step);
                }
                spec.commandLine().getOut().println("exported " + n + " public performances to " + out);
            }
            return 0;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compare public performances by instrument (Kruskal–Wallis with Holm, Mann–Whitney U with Cliff's delta), with plots, and RoboJam's responses with their calls.",
            footer = {"", "Example:", "  microjam research compare --by instrument --out report/"})
    static final class Compare implements Callable<Integer> {
        @Option(names = "--by", defaultValue = "instrument", description = "What to compare by (only instrument so far).") String by;
        @Option(names = "--out", paramLabel = "REPORT_DIR", description = "Where to write the report (default: DATA_DIR/research, which `serve` shows at /research).") Path out;
        @Option(names = "--robojam-calls", defaultValue = "50", description = "Public performances RoboJam answers for its section (0: none).") int calls;
        @Option(names = "--robojam-model", paramLabel = "FILE", description = "Model for the RoboJam section (default: the shipped one).") Path model;
        @Mixin StorageOptions storage;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!by.equals("instrument")) throw new IllegalArgumentException("--by must be instrument");
            if (out == null) out = storage.dataDir.resolve("research");
            try (Database db = storage.open(); UsageCounters counters = new UsageCounters(db)) {
                List<Performance> all = new PerformanceStore(db).all();
                if (all.isEmpty()) throw new IllegalArgumentException("no public performances to analyse");
                InstrumentComparison comparison = InstrumentComparison.of(all);
                Model m = model != null ? microjam.robojam.ModelFile.read(model) : Models.shipped();
                int steps = Features.NAMES.size() + comparison.features().size() + (m == null ? 0 : Math.min(calls, all.size()));
                try (Progress progress = new Progress("report   ", steps, spec.commandLine().getErr())) {
                    Report.RoboJamSection robojam = null;
                    if (m != null && calls > 0) try (RoboJam r = new RoboJam(m)) {
                        robojam = RoboJamStudy.of(r, all, calls, counters.rows(), progress::step);
                    }
                    Report.write(out, all, comparison, robojam, progress::step);
                }
                spec.commandLine().getOut().println("wrote " + out.resolve("index.html") + " (" + all.size() + " performances, "
                        + comparison.features().size() + " instruments)");
            }
            return 0;
        }
    }
}
