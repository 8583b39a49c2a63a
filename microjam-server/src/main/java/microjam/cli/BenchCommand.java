// microjam bench robojam: how fast RoboJam answers, alone and under concurrent load.
package microjam.cli;

import microjam.bench.LoadDriver;
import microjam.bench.LoadMix;
import microjam.bench.LoadReport;
import microjam.bench.SpawnedServer;
import microjam.console.Progress;
import microjam.performance.Touch;
import microjam.performance.Touches;
import microjam.research.Quantiles;
import microjam.robojam.Model;
import microjam.robojam.ModelFile;
import microjam.robojam.Precision;
import microjam.robojam.RandomModel;
import microjam.robojam.RoboJam;
import microjam.robojam.Settings;
import microjam.robojam.Shape;
import microjam.robojam.WarmUp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

@Command(name = "bench", description = "Measure speed.", mixinStandardHelpOptions = true, subcommands = {BenchCommand.RoboJamBench.class, BenchCommand.LoadBench.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "robojam", mixinStandardHelpOptions = true,
            description = {"RoboJam's speed for a 5-second call of 200 touches: ms per step and per response alone, responses per second under concurrent clients.",
                    "Each weight precision is measured in the same run, alone ones taking turns response by response, and printed side by side."},
            footer = {"", "Examples:", "  microjam bench robojam", "  microjam bench robojam --layers 2 --units 128 --mixtures 5",
                    "  microjam bench robojam --model robojam.model --responses 200",
                    "  microjam bench robojam --precision bfloat16 --threads 1 --clients 1"})
    static final class RoboJamBench implements Callable<Integer> {
        static final int WARM_UP = 150; // responses before timing: C2 needs a few thousand steps of the kernel
        @Option(names = "--layers", defaultValue = "2", description = "LSTM layers of the random model (default ${DEFAULT-VALUE}).")
        int layers;
        @Option(names = "--units", defaultValue = "512", description = "Units per layer (default ${DEFAULT-VALUE}).")
        int units;
        @Option(names = "--mixtures", defaultValue = "5", description = "Mixture components (default ${DEFAULT-VALUE}).")
        int mixtures;
        @Option(names = "--model", paramLabel = "FILE", description = "Benchmark this model file instead of a random one.")
        Path model;
        @Option(names = "--responses", defaultValue = "60", description = "Responses timed alone, one thread (at least 50; default ${DEFAULT-VALUE}).")
        int responses;
        @Option(names = "--seconds", defaultValue = "5", description = "Seconds per concurrency level (default ${DEFAULT-VALUE}).")
        int seconds;
        @Option(names = "--clients", defaultValue = "1,2,8,32", split = ",", description = "Concurrency levels (default ${DEFAULT-VALUE}).")
        int[] clients;

        @Option(names = "--threads", description = "Cores RoboJam may use (default: all, ${DEFAULT-VALUE}).", defaultValue = "0")
        int threads;
        @Option(names = "--precision", defaultValue = "float32,bfloat16", split = ",", converter = PrecisionConverter.class, paramLabel = "PRECISION",
                description = "Weight precisions to measure, side by side: float32, bfloat16 (default ${DEFAULT-VALUE}).")
        Precision[] precisions;
        @Option(names = "--candidates", defaultValue = "1", description = "Answers drawn per request, keeping the nearest in character to the call (default ${DEFAULT-VALUE}).")
        int candidates;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (responses < 50) throw new IllegalArgumentException("--responses must be at least 50");
            if (precisions.length == 0) throw new IllegalArgumentException("--precision needs at least one of float32, bfloat16");
            PrintWriter out = spec.commandLine().getOut();
            Model m = model == null ? RandomModel.create(new Shape(layers, units, mixtures, 3), 1) : ModelFile.read(model);
            Touches call = WarmUp.fiveSecondCall();
            out.printf(Locale.ROOT, "model %s: %d x %d LSTM, %d mixtures, %.1f MB of weights; kernel: %s; %d of %d cores%n", m.name(),
                    m.shape().layers(), m.shape().units(), m.shape().mixtures(), m.sizeInBytes() / 1e6, RoboJam.kernel(),
                    threads > 0 ? threads : Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors());
            int cores = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            List<RoboJam> robojams = new ArrayList<>();
            try {
                for (Precision p : precisions) robojams.add(new RoboJam(m, cores, p));
                for (RoboJam robojam : robojams) warmUp(robojam);
                List<Alone> alone = alone(robojams, call);
                for (Alone a : alone) a.print(out, candidates);
                if (alone.size() > 1) sideBySide(alone, out);
                for (RoboJam robojam : robojams)
                    for (int c : clients) concurrent(robojam, call, c, out);
            } finally {
                for (RoboJam robojam : robojams) robojam.close();
            }
            return 0;
        }

        private Settings settings(long seed) {
            return Settings.defaults(seed, candidates);
        }

        private void warmUp(RoboJam robojam) {
            try (Progress progress = new Progress("warm-up  " + robojam.precision().label(), WARM_UP, spec.commandLine().getErr())) {
                WarmUp.run(robojam, WARM_UP, progress::step);
            }
        }

        /** One precision's lone answers: per response and per step (in ms), and the touches drawn. */
        record Alone(Precision precision, long weightBytesPerStep, double[] perResponse, double[] perStep, long steps, long touches) {
            void print(PrintWriter out, int candidates) {
                int responses = perResponse.length;
                out.printf(Locale.ROOT, "%s, alone (one request at a time, %d responses, %.0f steps and %.0f touches each on average%s):%n",
                        precision.label(), responses, (double) steps / responses, (double) touches / responses,
                        candidates > 1 ? "; the steps of all " + candidates + " candidates, stepped together" : "");
                out.printf(Locale.ROOT, "  ms per step      median %.3f  p99 %.3f%n", percentile(perStep, 50), percentile(perStep, 99));
                out.printf(Locale.ROOT, "  ms per response  median %.1f  p99 %.1f%n", percentile(perResponse, 50), percentile(perResponse, 99));
            }
        }

        // Each precision answers the same calls with the same seeds, taking turns response by response, so
        // that whatever else the machine does at the time weighs on all of them alike.
        private List<Alone> alone(List<RoboJam> robojams, Touches call) {
            int n = robojams.size();
            double[][] perResponse = new double[n][responses], perStep = new double[n][responses];
            long[] steps = new long[n], touches = new long[n];
            try (Progress progress = new Progress("alone    ", responses, spec.commandLine().getErr())) {
                for (int i = 0; i < responses; i++) {
                    for (int k = 0; k < n; k++) {
                        RoboJam.Answer a = robojams.get(k).respond(call, settings(1000 + i));
                        perResponse[k][i] = a.millis();
                        perStep[k][i] = a.millis() / a.steps();
                        steps[k] += a.steps();
                        touches[k] += a.touches().size();
                    }
                    progress.step();
                }
            }
            List<Alone> results = new ArrayList<>();
            for (int k = 0; k < n; k++)
                results.add(new Alone(robojams.get(k).precision(), robojams.get(k).weightBytesPerStep(), perResponse[k], perStep[k], steps[k], touches[k]));
            return results;
        }

        // The lone timings of every precision in one table (medians), each against the first one's.
        private static void sideBySide(List<Alone> alone, PrintWriter out) {
            Alone first = alone.getFirst();
            double firstStep = percentile(first.perStep(), 50), firstResponse = percentile(first.perResponse(), 50);
            out.printf(Locale.ROOT, "alone, side by side (medians):%n");
            out.printf(Locale.ROOT, "  %-10s %14s %12s %16s %16s%n", "precision", "MB per step", "µs per step", "ms per response",
                    "step vs " + first.precision().label());
            for (Alone a : alone) {
                double step = percentile(a.perStep(), 50);
                out.printf(Locale.ROOT, "  %-10s %14.2f %12.1f %16.1f %16.2f%n", a.precision().label(), a.weightBytesPerStep() / 1e6, step * 1000,
                        percentile(a.perResponse(), 50), step / firstStep);
            }
        }

        static final class PrecisionConverter implements picocli.CommandLine.ITypeConverter<Precision> {
            @Override
            public Precision convert(String value) {
                return Precision.of(value);
            }
        }

        private void concurrent(RoboJam robojam, Touches call, int clients, PrintWriter out) throws Exception {
            AtomicLong done = new AtomicLong();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            try (ExecutorService pool = Executors.newFixedThreadPool(clients);
                 Progress progress = new Progress(String.format(Locale.ROOT, "%2d clients %s", clients, robojam.precision().label()), seconds,
                         spec.commandLine().getErr())) {
                List<Future<?>> futures = new ArrayList<>();
                long started = System.nanoTime();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    futures.add(pool.submit(() -> {
                        for (long i = 0; System.nanoTime() < end; i++) {
                            latencies.add(robojam.respond(call, settings(client * 1_000_000L + i)).millis());
                            done.incrementAndGet();
                        }
                    }));
                }
                for (int s = 0; s < seconds; s++) {
                    Thread.sleep(Math.max(0, Math.min(1000, (end - System.nanoTime()) / 1_000_000)));
                    progress.step();
                }
                for (Future<?> f : futures) f.get();
                double elapsed = (System.nanoTime() - started) / 1e9;
                double[] l = latencies.stream().mapToDouble(Double::doubleValue).toArray();
                out.printf(Locale.ROOT, "%-8s %2d concurrent clients: %6.1f responses/s  (latency median %.0f ms, p99 %.0f ms)%n",
                        robojam.precision().label(), clients, done.get() / elapsed, percentile(l, 50), percentile(l, 99));
            }
        }

        static double percentile(double[] values, double p) {
            return Quantiles.of(values, p / 100);
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"Drive a realistic mix at a server on loopback (feed pages, performances with their layers, pictures, uploads, "
                    + "replies, RoboJam) and print throughput, p50/p99/p99.9 latency and errors per route, and the server's heap and RSS. "
                    + "Without --url it starts a server of its own (a child process, no rate limits) on a fresh SQLite file or --database."},
            footer = {"", "Examples:", "  microjam bench load", "  microjam bench load --seconds 600 --connections 64 --out bench-results",
                    "  microjam bench load --mix feed --connections 32", "  microjam bench load --mix upload --connections 16",
                    "  microjam bench load --database jdbc:postgresql://localhost/microjam?user=mj",
                    "  microjam bench load --url http://127.0.0.1:8080 --mix feed=70,upload=30",
                    "  microjam bench load --url http://10.0.0.1:8080,http://10.0.0.2:8080,http://10.0.0.3:8080 --mix feed"})
    static final class LoadBench implements Callable<Integer> {
        @Option(names = "--url", paramLabel = "URL", split = ",", description = "A running server to load instead of starting one (serve it with --rate-limit-writes 0 --rate-limit-robojam 0 --rate-limit-sign-ups 0 --rate-limit-reads 0 --max-connections-per-client 0); "
                + "several, comma-separated, that share one database: the connections are spread over them in turn, and the report gives each server and all together.")
        List<URI> urls;
        @Option(names = "--database", paramLabel = "JDBC-URL", description = "Database for the server this starts (default: a fresh SQLite file).")
        String database;
        @Option(names = "--seconds", defaultValue = "60", description = "How long to drive it (default ${DEFAULT-VALUE}).")
        int seconds;
        @Option(names = "--connections", defaultValue = "64", description = "Concurrent connections, each sending its next request when answered (default ${DEFAULT-VALUE}).")
        int connections;
        @Option(names = "--mix", defaultValue = "default", paramLabel = "MIX",
                description = "default, one route (feed, feed-next, performance, picture, upload, reply, robojam) or weights like feed=70,upload=30 (default ${DEFAULT-VALUE}).")
        String mix;
        // 30: uploads on PostgreSQL here climbed from 160/s to a plateau of about 1,300/s over the first 30 s (the
        // JIT compiling the server while the load takes both cores); 10 s measured the compiler as much as the server.
        @Option(names = "--warm-up", defaultValue = "30", paramLabel = "SECONDS", description = "Seconds of the same mix before timing, not counted (default ${DEFAULT-VALUE}).")
        int warmUp;
        @Option(names = "--seed", defaultValue = "1", description = "Seed of the random choices (default ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/load.csv (every second) and DIR/load.png (its plot).")
        Path out;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (urls != null && database != null) throw new IllegalArgumentException("--url and --database exclude each other: --database is for the server this starts");
            LoadMix loadMix = LoadMix.parse(mix);
            PrintWriter out = spec.commandLine().getOut();
            SpawnedServer own = null;
            try {
                if (urls == null) {
                    out.println("starting a server on " + (database == null ? "a fresh SQLite file" : "the given database") + "…");
                    out.flush();
                    own = SpawnedServer.forLoad(database);
                }
                List<URI> servers = urls != null ? urls : List.of(own.base());
                out.printf(Locale.ROOT, "load on %s: %d connections, %d s after %d s of warm-up, mix %s%n",
                        servers.stream().map(Object::toString).collect(Collectors.joining(", ")), connections, seconds, warmUp, mix);
                out.flush();
                var result = new LoadDriver(new LoadDriver.Settings(servers, loadMix, connections, seconds, warmUp, seed))
                        .run(spec.commandLine().getErr());
                LoadReport.print(result, out);
                if (this.out != null) {
                    LoadReport.write(result, this.out);
                    out.println("wrote " + this.out.resolve("load.csv") + " and " + this.out.resolve("load.png"));
                }
                return result.errors() == 0 ? 0 : Main.FAILED;
            } finally {
                if (own != null) own.close();
            }
        }
    }
}
