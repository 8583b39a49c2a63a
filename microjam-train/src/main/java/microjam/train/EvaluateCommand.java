// microjam robojam evaluate: on held-out sessions, the model's negative log-likelihood per touch, and
// how its responses to held-out calls compare with real performances (two-sample Kolmogorov–Smirnov
// statistic per feature, lower is closer), next to two naive baselines: uniform random touches, and
// replaying the call; and whether the answers answer their own calls without copying them (Relatedness).
package microjam.train;

import microjam.console.Progress;
import microjam.performance.Touch;
import microjam.performance.Touches;
import microjam.robojam.Model;
import microjam.robojam.ModelFile;
import microjam.robojam.PerformanceStyle;
import microjam.robojam.Precision;
import microjam.robojam.RoboJam;
import microjam.robojam.Sampling;
import microjam.robojam.Settings;
import org.apache.commons.statistics.descriptive.Quantile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a RoboJam model on held-out data: NLL per touch, and KS statistics of its responses against real performances and two baselines.",
        footer = {"", "Example:", "  microjam robojam evaluate --model robojam.model --data ../shared/data/microjam --only ../shared/data/microjam/cc0.txt"})
final class EvaluateCommand implements Callable<Integer> {
    /** Random draws of calls the relatedness is averaged over. */
    static final int RELATEDNESS_TRIALS = 500;
    @Option(names = "--model", required = true, paramLabel = "FILE") Path modelFile;
    @Option(names = "--data", paramLabel = "PATH", description = "Data as for train; the model's recorded validation sessions are used when present.")
    List<Path> data = new ArrayList<>();
    @Option(names = "--only", paramLabel = "LIST") Path only;
    @Option(names = "--from-database", paramLabel = "JDBC-URL") String database;
    enum SplitPart {
        validation("held-out"), training("training");

        final String words;

        SplitPart(String words) {
            this.words = words;
        }
    }

    @Option(names = "--split", defaultValue = "validation",
            description = "Which sessions of the model's recorded split to evaluate on: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}). "
                    + "Choose sampling settings on training, so the held-out numbers stay unbiased.") SplitPart split;
    @Option(names = "--calls", defaultValue = "60", description = "Calls in each partition of the evaluated performances; the rest is the human reference (default ${DEFAULT-VALUE}, at most half).") int calls;
    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Evaluate on the first N performances of the split's part only (default ${DEFAULT-VALUE}: all); "
            + "--split training --limit 122 compares sampling settings at the held-out part's size, and quickly.") int limit;
    @Option(names = "--partitions", defaultValue = "200", description = "Random partitions into calls and reference to average over (default ${DEFAULT-VALUE}).") int partitions;
    @Option(names = "--related-calls", defaultValue = "40", paramLabel = "N",
            description = "Relatedness: how often an answer's nearest call among N drawn at random is its own (chance 1/N; default ${DEFAULT-VALUE}).") int relatedCalls;
    @Option(names = "--picture", paramLabel = "PNG", description = "Write a picture of a few call/response pairs here.") Path picture;
    @Option(names = "--seed", defaultValue = "1") long seed;
    @Option(names = "--temperature", description = "Sampling temperature of the responses (default: the model's recommendation, as served; the original's is 1.5).") Double temperature;
    @Option(names = "--sigma-temperature", description = "Spread temperature (default: the model's recommendation; the original's is 0.01).") Double sigmaTemperature;
    @Option(names = "--candidates", description = "Answers drawn per call, keeping the one nearest the call in character (default: the model's recommendation).") Integer candidates;
    @Option(names = "--precision", paramLabel = "PRECISION", description = "Evaluate the model with its weights stored in this precision: float32 or bfloat16 "
            + "(default: the precision the file stores; with --recommend the file is written in it).") String precision;
    @Option(names = "--recommend", description = "After evaluating, write these sampling settings into the model file as its recommendation, "
            + "which every RoboJam entry point then uses (choose them with --split training, so held-out numbers stay unbiased).") boolean recommend;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * nll: per touch, teacher-forced; partitions: the KS table (Partitions); people, responses: each feature's values over
     * all evaluated performances and RoboJam's answers to them; movingRuleKs: the KS of the moving share between the
     * people's recorded flags and the flags RoboJam's rule would give their touches (how much of that feature's gap the
     * rule alone explains); style and pauses (people's, then RoboJam's): diagnostics beyond the KS table.
     */
    public record Report(double nll, Partitions.Result partitions, Map<String, double[]> people, Map<String, double[]> responses, double movingRuleKs,
                         Style style, double[][] pauses, Related related) {
        Map<String, double[]> ks() {
            return partitions.meanKs();
        }

        long withinHumanNoise() {
            return ks().entrySet().stream().filter(e -> e.getValue()[Partitions.ROBOJAM] <= partitions.humanBand().get(e.getKey())).count();
        }
    }

    /**
     * How a performance's style carries over. Steadiness: the correlation of the touch rates of each performance's first
     * and second half, people's and RoboJam's responses'; callToResponse: of each call's touch rate, moving share and
     * spatial spread and its response's; readsPauses: TeacherForced.pauseShareCorrelation on the evaluated sessions.
     */
    public record Style(double peopleSteadiness, double responseSteadiness, double[] callToResponse, double readsPauses) {
    }

    /**
     * Relatedness over n calls (Relatedness.ownNearest) and the share of touches copied from the call (Relatedness.copied),
     * each for RoboJam, a real performance paired at random (NaN without one) and uniform random touches.
     */
    public record Related(int n, double[] ownNearest, double[] copied) {
    }

    @Override
    public Integer call() {
        if (partitions < 1 || partitions > 10_000) throw new IllegalArgumentException("--partitions must be between 1 and 10000");
        if (calls < 1) throw new IllegalArgumentException("--calls must be at least 1");
        if (limit < 0) throw new IllegalArgumentException("--limit must be 0 (all) or more");
        Model read = ModelFile.read(modelFile);
        Model model = precision == null ? read : read.inPrecision(Precision.of(precision));
        List<Session> all = Sources.read(data, only == null ? null : MicrojamReader.list(only), database), sessions = all, others = List.of();
        String ids = model.metadata().get("split.validation.ids");
        if (ids != null) {
            Set<String> held = Set.of(ids.split(" "));
            boolean validation = split == SplitPart.validation;
            sessions = all.stream().filter(s -> held.contains(s.id()) == validation).toList();
            others = all.stream().filter(s -> held.contains(s.id()) != validation).toList();
        } else if (split == SplitPart.training) throw new IllegalArgumentException("--split training: the model records no split");
        String part = split.words;
        if (sessions.isEmpty()) throw new IllegalArgumentException("none of the model's " + part + " sessions are in this data");
        if (limit > 0 && limit < sessions.size()) sessions = sessions.subList(0, limit);
        // Unless told otherwise, the RoboJam people hear: the model's recommended sampling (Sampling), as the server uses it.
        Sampling chosen = model.recommended().or(temperature, sigmaTemperature, candidates);
        Settings settings = chosen.withSeed(seed);
        Report report = evaluate(model, sessions, others, calls, partitions, settings, picture, relatedCalls, spec.commandLine().getErr());
        print(report, settings, sessions.size(), spec.commandLine().getOut());
        if (recommend) {
            try {
                ModelFile.write(model.recommending(chosen), modelFile);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the recommendation into " + modelFile, e);
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "%s now recommends temperature %s, sigma temperature %s, %d candidates, and stores its weights in %s.%n",
                    modelFile, chosen.temperature(), chosen.sigmaTemperature(), chosen.candidates(), model.contract().weights().label());
        }
        return 0;
    }

    private void print(Report report, Settings settings, int evaluated, PrintWriter out) {
        double temperature = settings.temperature(), sigmaTemperature = settings.sigmaTemperature();
        int candidates = settings.candidates();
        String part = split.words, other = split == SplitPart.validation ? "training" : "held-out";
        Partitions.Result p = report.partitions();
        out.printf(Locale.ROOT, "%s sessions: %d; NLL per touch over whole %s sessions: %.4f%n", part, evaluated, part, report.nll());
        out.printf(Locale.ROOT, "RoboJam answered each of the %s performances as a call, at temperature %s, sigma temperature %s%s.%n", part, temperature, sigmaTemperature,
                candidates > 1 ? ", each answer the nearest in character to its call of " + candidates + " drawn" : "");
        out.printf(Locale.ROOT, "KS statistic against people (lower is closer), the mean over %d random partitions of them into %d calls and %d reference performances:%n%n",
                partitions, p.calls(), p.reference());
        out.println("| feature | RoboJam | uniform random | replay the call | a real " + other + " performance | RoboJam beats both baselines | two groups of people (95 %) |");
        out.println("|---|---|---|---|---|---|---|");
        report.ks().forEach((feature, ks) -> out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %s | %.0f %% | ≤ %.3f |%n", feature, ks[Partitions.ROBOJAM],
                ks[Partitions.UNIFORM], ks[Partitions.REPLAY], Double.isNaN(ks[Partitions.REAL]) ? "–" : String.format(Locale.ROOT, "%.3f", ks[Partitions.REAL]),
                100 * p.beatsBoth().get(feature), p.humanBand().get(feature)));
        out.printf(Locale.ROOT, "%nPercentiles 10 / 50 / 90 of each feature, people and RoboJam's answers to them:%n%n");
        out.println("| feature | people | RoboJam |");
        out.println("|---|---|---|");
        for (String f : FeatureDistributions.NAMES) out.printf(Locale.ROOT, "| %s | %s | %s |%n", f, percentiles(report.people().get(f)), percentiles(report.responses().get(f)));
        out.printf(Locale.ROOT, "%nRoboJam's moving rule (a tap after more than 0.1 s) applied to the people's own touches: KS %.3f against their recorded moving share.%n",
                report.movingRuleKs());
        out.printf(Locale.ROOT, "Pauses (gaps over 0.1 s), percentiles 10 / 50 / 90 in seconds: people %s, RoboJam %s.%n",
                percentiles(report.pauses()[0]), percentiles(report.pauses()[1]));
        Style style = report.style();
        out.printf(Locale.ROOT, "Style (correlations over performances): people keep their touch rate from the first half to the second %.2f, "
                        + "RoboJam's responses %.2f, from the call to RoboJam's response %.2f (moving share %.2f, spatial spread %.2f); "
                        + "reading people's touches, its predicted share of pauses follows theirs %.2f.%n", style.peopleSteadiness(), style.responseSteadiness(),
                style.callToResponse()[0], style.callToResponse()[1], style.callToResponse()[2], style.readsPauses());
        int features = report.ks().size();
        long wins = report.ks().values().stream().filter(ks -> ks[Partitions.ROBOJAM] < ks[Partitions.UNIFORM] && ks[Partitions.ROBOJAM] < ks[Partitions.REPLAY]).count();
        long beatsUniform = report.ks().values().stream().filter(ks -> ks[Partitions.ROBOJAM] < ks[Partitions.UNIFORM]).count();
        out.printf(Locale.ROOT, "%nOn the mean KS, RoboJam is closest to people on %d of %d features; it beats uniform random on %d, and is within the spread between two groups of people on %d.%n",
                wins, features, beatsUniform, report.withinHumanNoise());
        out.printf(Locale.ROOT, "RoboJam beats both baselines on most features (%d of %d) in %.0f %% of the partitions", features / 2 + 1, features, 100 * p.most()[0]);
        if (Double.isNaN(p.most()[1])) out.println(".");
        else out.printf(Locale.ROOT, "; answering with a real %s performance does in %.0f %%.%n", other, 100 * p.most()[1]);
        Related r = report.related();
        out.printf(Locale.ROOT, "%nRelated, not copied (%d calls drawn at random, many times; chance is 1 in %d):%n%n", r.n(), r.n());
        out.println("| answerer | answer's nearest call is its own | touches retracing the call |");
        out.println("|---|---|---|");
        String[] answerers = {"RoboJam", "a real " + other + " performance, paired at random", "uniform random"};
        for (int i = 0; i < answerers.length; i++) {
            if (Double.isNaN(r.ownNearest()[i])) continue;
            out.printf(Locale.ROOT, "| %s | %.1f of %d | %.1f %% |%n", answerers[i], r.ownNearest()[i] * r.n(), r.n(), 100 * r.copied()[i]);
        }
        out.printf(Locale.ROOT, "| replay the call | %d of %d | 100 %% |%n", r.n(), r.n());
    }

    private static String percentiles(double[] values) {
        if (values.length == 0) return "–";
        double[] q = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).evaluate(values, 0.1, 0.5, 0.9);
        return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", q[0], q[1], q[2]);
    }

    /**
     * Answers every session's first five seconds as a call (the seed plus the session's index seeds its answer), and
     * compares over random partitions (Partitions). others: sessions a real answer is drawn from (the other part of the
     * split), or none.
     */
    public static Report evaluate(Model model, List<Session> sessions, List<Session> others, int calls, int partitions, Settings settings, Path picture,
                                  int relatedCalls, PrintWriter progressOut) {
        long seed = settings.seed();
        double nll = TeacherForced.nll(model, sessions);
        List<Touches> humans = new ArrayList<>(), robo = new ArrayList<>(), uniform = new ArrayList<>(), real = new ArrayList<>();
        List<Touches> realPool = others.stream().map(EvaluateCommand::performance).filter(t -> t.size() >= 2).toList();
        List<float[][]> pictureCalls = new ArrayList<>(), pictureResponses = new ArrayList<>();
        Random random = new Random(seed);
        try (RoboJam robojam = new RoboJam(model);
             Progress progress = new Progress("answering", sessions.size(), progressOut)) {
            for (int i = 0; i < sessions.size(); i++) {
                progress.step();
                Touches call = performance(sessions.get(i));
                if (call.size() < 2) continue;
                Touches response = robojam.respond(call, new Settings(settings.temperature(), settings.sigmaTemperature(), seed + i, settings.candidates())).touches();
                humans.add(call);
                robo.add(response);
                uniform.add(uniform(call.size(), random));
                if (!realPool.isEmpty()) real.add(realPool.get(random.nextInt(realPool.size())));
                if (pictureCalls.size() < 4) {
                    pictureCalls.add(xy(call));
                    pictureResponses.add(xy(response));
                }
            }
        }
        if (picture != null) Plots.callsAndResponses(pictureCalls, pictureResponses, picture);
        Partitions.Result table = Partitions.of(humans, robo, uniform, real, calls, partitions, seed);
        Map<String, double[]> people = FeatureDistributions.of(humans), responses = FeatureDistributions.of(robo);
        double movingRuleKs = TwoSampleKs.statistic(people.get("fraction moving"),
                FeatureDistributions.of(humans.stream().map(EvaluateCommand::withMovingRule).toList()).get("fraction moving"));
        return new Report(nll, table, people, responses, movingRuleKs,
                new Style(FeatureDistributions.steadiness(humans), FeatureDistributions.steadiness(robo), new double[]{FeatureDistributions.styleCorrelation(humans, robo, PerformanceStyle::rate),
                        FeatureDistributions.styleCorrelation(humans, robo, PerformanceStyle::moving), FeatureDistributions.styleCorrelation(humans, robo, PerformanceStyle::spread)},
                        TeacherForced.pauseShareCorrelation(model, sessions)),
                new double[][]{FeatureDistributions.pauses(humans), FeatureDistributions.pauses(robo)},
                related(humans, robo, real, uniform, relatedCalls, seed));
    }

    static Related related(List<Touches> calls, List<Touches> robo, List<Touches> real, List<Touches> uniform, int n, long seed) {
        int size = Math.min(n, calls.size());
        List<List<Touches>> answerers = List.of(robo, real, uniform);
        double[] own = new double[3], copied = new double[3];
        for (int i = 0; i < 3; i++) {
            boolean none = answerers.get(i).isEmpty();
            own[i] = none ? Double.NaN : Relatedness.ownNearest(calls, answerers.get(i), size, RELATEDNESS_TRIALS, seed);
            copied[i] = none ? Double.NaN : Relatedness.copied(calls, answerers.get(i));
        }
        return new Related(size, own, copied);
    }

    /** The first five seconds of a session as a performance. */
    static Touches performance(Session s) {
        List<Touch> touches = new ArrayList<>();
        double time = 0;
        for (int i = 0; i < s.length() && touches.size() < 2000; i++) {
            if (i > 0) time += s.touches()[i][2];
            if (time > 5.0) break;
            touches.add(new Touch(time, s.touches()[i][0], s.touches()[i][1], 0, i > 0 && s.moving()[i]));
        }
        return new Touches(touches);
    }

    /** The same touches with the moving flags RoboJam's rule gives generated touches. */
    static Touches withMovingRule(Touches t) {
        List<Touch> touches = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            Touch touch = t.get(i);
            touches.add(new Touch(touch.time(), touch.x(), touch.y(), touch.z(), i > 0 && RoboJam.moving(touch.time() - t.get(i - 1).time())));
        }
        return new Touches(touches);
    }

    static Touches uniform(int n, Random random) {
        double[] times = new double[n];
        for (int i = 0; i < n; i++) times[i] = random.nextDouble() * 5;
        Arrays.sort(times);
        List<Touch> touches = new ArrayList<>();
        for (int i = 0; i < n; i++) touches.add(new Touch(times[i], random.nextDouble(), random.nextDouble(), 0, i > 0 && random.nextBoolean()));
        return new Touches(touches);
    }

    private static float[][] xy(Touches t) {
        float[][] xy = new float[t.size()][];
        for (int i = 0; i < t.size(); i++) xy[i] = new float[]{(float) t.get(i).x(), (float) t.get(i).y()};
        return xy;
    }
}
