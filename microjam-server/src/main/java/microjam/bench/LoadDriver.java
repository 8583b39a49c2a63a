// Drives a load mix at one MicroJam server, or at several that share a database: each connection is a
// virtual thread that sends the next request as soon as the last one is answered (closed loop), for a fixed
// time, to one of the servers in turn (connection c to server c mod n, as a load balancer spreading
// connections would). Before timing it signs up a few performers and publishes some performances through
// the first server, so there are feeds, layers and pictures to read; what one server publishes is read from
// all. Every second it notes requests per route and each server's memory.
package microjam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import microjam.console.Progress;
import microjam.performance.Instrument;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.ToDoubleFunction;

public final class LoadDriver {
    public record Settings(List<URI> servers, LoadMix mix, int connections, int seconds, int warmUpSeconds, long seed) {
        public Settings(URI server, LoadMix mix, int connections, int seconds, int warmUpSeconds, long seed) {
            this(List.of(server), mix, connections, seconds, warmUpSeconds, seed);
        }

        public Settings {
            servers = List.copyOf(servers);
            if (servers.isEmpty() || servers.size() > 64) throw new IllegalArgumentException("--url takes 1 to 64 servers");
            if (connections < servers.size()) throw new IllegalArgumentException("--connections must be at least one a server (" + servers.size() + ")");
            if (warmUpSeconds < 0 || warmUpSeconds > 3_600) throw new IllegalArgumentException("--warm-up must be between 0 and 3600 seconds");
            if (connections < 1 || connections > 4096) throw new IllegalArgumentException("--connections must be between 1 and 4096");
            if (seconds < 1 || seconds > 86_400) throw new IllegalArgumentException("--seconds must be between 1 and 86400");
        }
    }

    /** One second of the run: requests answered per route, in all, and each server's memory at its end. */
    public record Second(int second, Map<Route, Long> requests, List<ServerMemory> memory) {}

    /** What one server answered: per route, and its peak memory. */
    public record Server(URI base, List<RouteStats> routes, double maxHeapMb, double maxRssMb) {
        public long requests() {
            return routes.stream().mapToLong(RouteStats::requests).sum();
        }

        public long errors() {
            return routes.stream().mapToLong(RouteStats::errors).sum();
        }
    }

    /** {@code routes}: all servers together; {@code servers}: each one alone (one entry for a single server). */
    public record Result(Settings settings, List<RouteStats> routes, List<Server> servers, List<Second> timeline, double seconds) {
        /** The highest resident set any one server reached. */
        public double maxRssMb() {
            return servers.stream().mapToDouble(Server::maxRssMb).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
        }

        public double maxHeapMb() {
            return servers.stream().mapToDouble(Server::maxHeapMb).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
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
    /** One connection a server for preparing the run and reading its memory every second. */
    private final List<Connection> samplers;
    /** Per server, per route. */
    private final List<Map<Route, RouteStats>> stats = new ArrayList<>();
    private final AtomicReferenceArray<String> ids = new AtomicReferenceArray<>(8192);
    // Replies answer the first jams, so chains stay two layers deep whatever the run's length (a jam holds at most
    // Performance.MAX_LAYERS layers; replies to random replies would grow chains until the server refused them).
    private final List<String> roots = new ArrayList<>();
    private final AtomicInteger published = new AtomicInteger();
    private final List<String> tokens = new ArrayList<>();
    private final List<String> performances;

    public LoadDriver(Settings settings) {
        this.settings = settings;
        this.samplers = settings.servers().stream().map(Connection::new).toList();
        for (URI ignored : settings.servers()) stats.add(freshStats());
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
                timeline.add(new Second(second, delta, samplers.stream().map(LoadDriver::memory).toList()));
                long total = delta.values().stream().mapToLong(Long::longValue).sum();
                long errors = stats.stream().flatMap(m -> m.values().stream()).mapToLong(RouteStats::errors).sum();
                long refused = stats.stream().flatMap(m -> m.values().stream()).mapToLong(RouteStats::refusals).sum();
                progress.step(String.format(Locale.ROOT, "%,d req/s, %d refused, %d errors", total, refused, errors));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        samplers.forEach(Connection::close);
        List<Server> servers = new ArrayList<>();
        for (int i = 0; i < stats.size(); i++) {
            int server = i;
            servers.add(new Server(settings.servers().get(i), List.copyOf(stats.get(i).values()),
                    peak(timeline, s -> s.memory().get(server).heapMb()), peak(timeline, s -> s.memory().get(server).rssMb())));
        }
        List<RouteStats> total = stats.getFirst().keySet().stream()
                .map(route -> RouteStats.sum(route, stats.stream().map(m -> m.get(route)).toList())).toList();
        return new Result(settings, total, List.copyOf(servers), timeline, seconds);
    }

    private static double peak(List<Second> timeline, ToDoubleFunction<Second> value) {
        return timeline.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }

    private Map<Route, RouteStats> freshStats() {
        Map<Route, RouteStats> routes = new EnumMap<>(Route.class);
        for (Route r : Route.values()) if (settings.mix().includes(r)) routes.put(r, new RouteStats(r));
        return routes;
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
        stats.replaceAll(warmUpStats -> freshStats());
    }

    // One closed-loop connection per virtual thread, each with its own seed, until the deadline; the servers in turn.
    private void connect(ExecutorService workers, long firstSeed, long deadline) {
        for (int c = 0; c < settings.connections(); c++) {
            long seed = firstSeed + c;
            int server = c % settings.servers().size();
            workers.submit(() -> drive(server, new SplittableRandom(seed), deadline));
        }
    }

    // Performers and a first set of performances (a third of them replies) to read and reply to.
    private void prepare() throws IOException {
        String policy;
        try {
            policy = JSON.readTree(send(new Call("/api/privacy", null, null), 200)).get("version").asText();
        } catch (ConnectException e) {
            throw new IOException("cannot reach a server at " + settings.servers().getFirst() + ": " + e.getMessage(), e);
        }
        for (int i = 1; i < samplers.size(); i++) {
            try {
                samplers.get(i).get("/api/privacy");
            } catch (IOException e) {
                throw new IOException("cannot reach a server at " + settings.servers().get(i) + ": " + e.getMessage(), e);
            }
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

    private void drive(int server, SplittableRandom random, long deadline) {
        Map<Route, RouteStats> stats = this.stats.get(server);
        try (Connection connection = new Connection(settings.servers().get(server))) {
            while (System.nanoTime() < deadline) {
                Route route = settings.mix().pick(random);
                Call call = call(route, random);
                long start = System.nanoTime();
                try {
                    Connection.Response response = call.on(connection);
                    long took = System.nanoTime() - start;
                    if (RouteStats.isRefusal(response.status())) {
                        stats.get(route).refused(took, response.status() + " " + abbreviate(response.text()));
                    } else if (response.status() != route.success) {
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
        Map<String, Object> body = new HashMap<>(Map.of("instrument", INSTRUMENTS[random.nextInt(INSTRUMENTS.length)].wireName(),
                "colour", String.format("#%06x", random.nextInt(0x1000000)), "touches", performances.get(random.nextInt(performances.size()))));
        if (replyTo != null) body.put("replyTo", replyTo);
        return json(body);
    }

    private String send(Call call, int expected) throws IOException {
        Connection.Response response = call.on(samplers.getFirst());
        if (response.status() != expected)
            throw new IOException("preparing the run: " + call.path() + " answered " + response.status() + " " + abbreviate(response.text()));
        return response.text();
    }

    private static ServerMemory memory(Connection sampler) {
        try {
            Connection.Response r = sampler.get("/metrics");
            return r.status() == 200 ? ServerMemory.parse(r.text()) : ServerMemory.UNKNOWN;
        } catch (IOException e) {
            return ServerMemory.UNKNOWN;
        }
    }

    private Map<Route, Long> counts() {
        Map<Route, Long> counts = new EnumMap<>(Route.class);
        for (Map<Route, RouteStats> server : stats) server.forEach((r, s) -> counts.merge(r, s.requests(), Long::sum));
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
