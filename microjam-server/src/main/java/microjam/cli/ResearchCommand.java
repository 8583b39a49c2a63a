// microjam research: a dataset export of public performances for researchers, and the instrument
// comparison report that the server publishes.
package microjam.cli;

import microjam.console.Progress;
import microjam.performance.Features;
import microjam.performance.Performance;
import microjam.research.Disclosure;
import microjam.research.InstrumentComparison;
import microjam.research.PublishedReport;
import microjam.research.Report;
import microjam.research.ResearchExport;
import microjam.research.RoboJamStudy;
import microjam.research.UsageCounters;
import microjam.robojam.Model;
import microjam.robojam.ModelFile;
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

    @Command(name = "export", mixinStandardHelpOptions = true, defaultValueProvider = EnvironmentDefaults.class,
            description = {"Write public performances as microjam CSVs plus metadata.csv and features.csv (a row per performance), with numbers random per export.",
                    "For researchers only, never to publish: a copy cannot be recalled, so performances deleted after the export stay in it; README.txt says so."},
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

    @Command(name = "compare", mixinStandardHelpOptions = true, defaultValueProvider = EnvironmentDefaults.class,
            description = {"Compare public performances by instrument (Kruskal–Wallis, Mann–Whitney U with Cliff's delta), with plots, and RoboJam's responses "
                    + "with the calls they answered (Wilcoxon signed-rank); Holm's correction over every test of the report.",
                    "Privacy: no row of one performance; groups of fewer than " + Disclosure.MIN_PERFORMANCES + " performances or from fewer than "
                            + Disclosure.MIN_PERFORMERS + " performers are suppressed. The report is withdrawn as soon as a performance it was built from "
                            + "is deleted; run this again to rebuild it."},
            footer = {"", "Example:", "  microjam research compare --by instrument"})
    static final class Compare implements Callable<Integer> {
        @Option(names = "--by", defaultValue = "instrument", description = "What to compare by (only instrument so far).") String by;
        @Option(names = "--out", paramLabel = "REPORT_DIR",
                description = "Where to write the report (default: DATA_DIR/research, which `serve` shows at " + PublishedReport.PATH + "/).") Path out;
        @Option(names = "--robojam-calls", defaultValue = "50", description = "Public performances RoboJam answers for its section (0: none).") int calls;
        @Option(names = "--robojam-model", paramLabel = "FILE", description = "Model for the RoboJam section (default: the shipped one).") Path model;
        @Mixin StorageOptions storage;
        @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!by.equals("instrument")) throw new IllegalArgumentException("--by must be instrument");
            if (calls < 0) throw new IllegalArgumentException("--robojam-calls must be 0 or more");
            if (out == null) out = storage.dataDir.resolve("research");
            try (Database db = storage.open(); UsageCounters counters = new UsageCounters(db)) {
                List<PerformanceStore.Owned> all = new PerformanceStore(db).allOwned();
                if (all.isEmpty()) throw new IllegalArgumentException("no public performances to analyse");
                InstrumentComparison comparison = InstrumentComparison.of(all);
                Model m = calls == 0 ? null : model != null ? ModelFile.read(model) : Models.shipped();
                int answered = m == null ? 0 : Math.min(calls, all.size());
                int steps = Features.NAMES.size() + comparison.performances().size() + answered;
                try (Progress progress = new Progress("report   ", steps, spec.commandLine().getErr())) {
                    RoboJamStudy robojam = null;
                    if (m != null) try (RoboJam r = new RoboJam(m)) {
                        robojam = RoboJamStudy.of(r, all, calls, counters.rows(), progress::step);
                    }
                    RoboJamStudy study = robojam;
                    new PublishedReport(out, db).publish(all, dir -> Report.write(dir, all.size(), comparison, study, progress::step));
                }
                spec.commandLine().getOut().println("wrote " + out.resolve("index.html") + " (" + all.size() + " performances; instruments shown: "
                        + comparison.features().size() + ", suppressed: " + comparison.suppressed().size() + ")");
            }
            return 0;
        }
    }
}
