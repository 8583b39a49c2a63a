// Drives a load mix at a MicroJam server over loopback: each connection is a virtual thread that sends
// the next request as soon as the last one is answered (closed loop), for a fixed time. Before timing
// it signs up a few performers and publishes some performances, so there are feeds, layers and
// pictures to read. Every second it notes requests per route and the server's memory.
package microjam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import microjam.console.Progress;
import microjam.performance.Instrument;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

public final class LoadDriver {
    public record Settings(URI base, LoadMix mix, int connections, int seconds, int warmUpSeconds, long seed) {
        public Settings {
            if (warmUpSeconds < 0 || warmUpSeconds > 3_600) throw new IllegalArgumentException("--warm-up must be between 0 and 3600 seconds");
            if (connections < 1 || connections > 4096) throw new IllegalArgumentException("--connections must be between 1 and 4096");
            if (seconds < 1 || seconds > 86_400) throw new IllegalArgumentException("--seconds must be between 1 and 86400");
        }
    }

    /** One second of the run: requests answered per route, and the server's memory at its end. */
    public record Second(int second, Map<Route, Long> requests, ServerMemory memory) {}

    public record Result(Settings settings, List<RouteStats> routes, List<Second> timeline, double seconds) {
        public double maxRssMb() {
            return timeline.stream().mapToDouble(s -> s.memory().rssMb()).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
        }

        public double maxHeapMb() {
            return timeline.stream().mapToDouble(s -> s.memory().heapMb()).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
        }

        public long errors() {
            return routes.stream().mapToLong(RouteStats::errors).sum();
        }
    }

    static final int SEED_PERFORMANCES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instrument[] INSTRUMENTS = Instrument.values();

    /** One request: POSTs carry a JSON body, writes a performer's token. */
    private record Call(String path, String token, String json) {
        Connection.Response on(Connection c) throws IOException {
            return json == null ? c.get(path) : c.post(path, token, json);
        }
    }

    private final Settings settings;
    private final Connection sampler;
    private final Map<Route, RouteStats> stats = new EnumMap<>(Route.class);
    private final AtomicReferenceArray<String> ids = new AtomicReferenceArray<>(8192);
    // Replies answer the first jams, so chains stay two layers deep whatever the run's length (a jam holds at most
    // Performance.MAX_LAYERS layers; replies to random replies would grow chains until the server refused them).
    private final List<String> roots = new ArrayList<>();
    private final AtomicInteger published = new AtomicInteger();
    private final List<String> tokens = new ArrayList<>();
    private final List<String> performances;

    public LoadDriver(Settings settings) {
        this.settings = settings;
        this.sampler = new Connection(settings.base());
        for (Route r : Route.values()) if (settings.mix().includes(r)) stats.put(r, new RouteStats(r));
        SplittableRandom random = new SplittableRandom(settings.seed());
        performances = new ArrayList<>();
        for (int i = 0; i < 32; i++) performances.add(performanceCsv(random));
    }

    public Result run(PrintWriter progressOut) throws IOException, InterruptedException {
        prepare();
        if (settings.warmUpSeconds() > 0) warmUp(progressOut);
        long started = System.nanoTime(), deadline = started + Duration.ofSeconds(settings.seconds()).toNanos();
        List<Second> timeline = new ArrayList<>();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor();
             Progress progress = new Progress("load", settings.seconds(), progressOut)) {
            connect(workers, settings.seed() * 1_000_003L, deadline);
            Map<Route, Long> before = counts();
            for (int second = 1; second <= settings.seconds(); second++) {
                long wake = started + Duration.ofSeconds(second).toNanos();
                Thread.sleep(Math.max(0, (wake - System.nanoTime()) / 1_000_000));
                Map<Route, Long> now = counts();
                Map<Route, Long> delta = new EnumMap<>(Route.class);
                now.forEach((r, n) -> delta.put(r, n - before.get(r)));
                before.putAll(now);
                timeline.add(new Second(second, delta, memory()));
                long total = delta.values().stream().mapToLong(Long::longValue).sum();
                long errors = stats.values().stream().mapToLong(RouteStats::errors).sum();
                progress.step(String.format(Locale.ROOT, "%,d req/s, %d errors", total, errors));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.close();
        return new Result(settings, List.copyOf(stats.values()), timeline, seconds);
    }

    // The same mix, unrecorded, so the JIT has compiled the server's hot paths before timing starts.
    private void warmUp(PrintWriter progressOut) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(settings.warmUpSeconds()).toNanos();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor();
             Progress progress = new Progress("warm-up", settings.warmUpSeconds(), progressOut)) {
            connect(workers, -settings.seed() * 1_000_003L, deadline);
            for (int second = 1; second <= settings.warmUpSeconds(); second++) {
                Thread.sleep(1000);
                progress.step();
            }
        }
        stats.replaceAll((route, warmUpStats) -> new RouteStats(route));
    }

    // One closed-loop connection per virtual thread, each with its own seed, until the deadline.
    private void connect(java.util.concurrent.ExecutorService workers, long firstSeed, long deadline) {
        for (int c = 0; c < settings.connections(); c++) {
            long seed = firstSeed + c;
            workers.submit(() -> drive(new SplittableRandom(seed), deadline));
        }
    }

    // Performers and a first set of performances (a third of them replies) to read and reply to.
    private void prepare() throws IOException {
        String policy;
        try {
            policy = JSON.readTree(send(new Call("/api/privacy", null, null), 200)).get("version").asText();
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot reach a server at " + settings.base() + ": " + e.getMessage(), e);
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        for (int i = 0; i < 8; i++) {
            String body = JSON.writeValueAsString(Map.of("stageName", "bench-" + Long.toString(System.nanoTime() & 0xffffffffL, 36) + "-" + i,
                    "colour", "#336699", "age13OrOver", true, "acceptedPolicy", policy));
            tokens.add(JSON.readTree(send(new Call("/api/performers", null, body), 201)).get("token").asText());
        }
        for (int i = 0; i < SEED_PERFORMANCES; i++) {
            String replyTo = i % 3 == 2 ? someId(random) : null;
            String id = JSON.readTree(send(new Call("/api/performances", tokens.get(i % tokens.size()), upload(random, replyTo)), 201)).get("id").asText();
            remember(id);
            if (replyTo == null) roots.add(id);
        }
    }

    private void drive(SplittableRandom random, long deadline) {
        try (Connection connection = new Connection(settings.base())) {
            while (System.nanoTime() < deadline) {
                Route route = settings.mix().pick(random);
                Call call = call(route, random);
                long start = System.nanoTime();
                try {
                    Connection.Response response = call.on(connection);
                    long took = System.nanoTime() - start;
                    if (response.status() != route.success) {
                        stats.get(route).failed(took, response.status() + " " + abbreviate(response.text()));
                    } else {
                        stats.get(route).ok(took);
                        if (route == Route.UPLOAD || route == Route.REPLY) remember(idOf(response.text()));
                    }
                } catch (IOException e) {
                    stats.get(route).failed(System.nanoTime() - start, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        }
    }

    private Call call(Route route, SplittableRandom random) {
        return switch (route) {
            case FEED -> new Call("/api/performances?limit=20", null, null);
            case FEED_NEXT -> new Call("/api/performances?limit=20&before=" + someId(random), null, null);
            case PERFORMANCE -> new Call("/api/performances/" + someId(random), null, null);
            case PICTURE -> new Call("/api/performances/" + someId(random) + ".png", null, null);
            case UPLOAD -> new Call("/api/performances", token(random), upload(random, null));
            case REPLY -> new Call("/api/performances", token(random), upload(random, roots.get(random.nextInt(roots.size()))));
            case ROBOJAM -> new Call("/api/robojam", null, json(Map.of("touches", performances.get(random.nextInt(performances.size())),
                    "seed", random.nextInt(1_000_000))));
        };
    }

    private String upload(SplittableRandom random, String replyTo) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("instrument", INSTRUMENTS[random.nextInt(INSTRUMENTS.length)].wireName(),
                "colour", String.format("#%06x", random.nextInt(0x1000000)), "touches", performances.get(random.nextInt(performances.size()))));
        if (replyTo != null) body.put("replyTo", replyTo);
        return json(body);
    }

    private String send(Call call, int expected) throws IOException {
        Connection.Response response = call.on(sampler);
        if (response.status() != expected)
            throw new IOException("preparing the run: " + call.path() + " answered " + response.status() + " " + abbreviate(response.text()));
        return response.text();
    }

    private ServerMemory memory() {
        try {
            Connection.Response r = sampler.get("/metrics");
            return r.status() == 200 ? ServerMemory.parse(r.text()) : ServerMemory.UNKNOWN;
        } catch (IOException e) {
            return ServerMemory.UNKNOWN;
        }
    }

    private Map<Route, Long> counts() {
        Map<Route, Long> counts = new EnumMap<>(Route.class);
        stats.forEach((r, s) -> counts.put(r, s.requests()));
        return counts;
    }

    private void remember(String id) {
        if (id == null) return;
        int n = published.getAndIncrement();
        ids.set(n % ids.length(), id);
    }

    private String someId(SplittableRandom random) {
        int n = Math.min(published.get(), ids.length());
        return ids.get(random.nextInt(n));
    }

    private String token(SplittableRandom random) {
        return tokens.get(random.nextInt(tokens.size()));
    }

    // A 5-second performance of 60 to 200 touches: swipes with taps between, as people play.
    static String performanceCsv(SplittableRandom random) {
        int n = 60 + random.nextInt(141);
        StringBuilder csv = new StringBuilder("time,x,y,z,moving\n");
        double x = random.nextDouble(), y = random.nextDouble();
        for (int i = 0; i < n; i++) {
            boolean moving = i > 0 && random.nextInt(8) != 0;
            if (moving) {
                x = Math.clamp(x + random.nextDouble(-0.05, 0.05), 0, 1);
                y = Math.clamp(y + random.nextDouble(-0.05, 0.05), 0, 1);
            } else {
                x = random.nextDouble();
                y = random.nextDouble();
            }
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.1f,%d\n", 4.9 * i / n, x, y, 10 + random.nextDouble(30), moving ? 1 : 0));
        }
        return csv.toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String idOf(String body) {
        try {
            JsonNode id = JSON.readTree(body).get("id");
            return id == null ? null : id.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        String one = text.replace('\n', ' ');
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }
}
