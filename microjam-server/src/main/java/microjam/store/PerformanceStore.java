// Performances and their reply chains: publish, list (keyset pages), fetch with layers, delete.
package microjam.store;

import microjam.performance.Colour;
import microjam.performance.Instrument;
import microjam.performance.NewPerformance;
import microjam.performance.Performance;
import microjam.performance.TouchCsv;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public final class PerformanceStore {
    public sealed interface Publication {
        /** csv: its touches as stored, the text every read of them gives. */
        record Published(Performance performance, String csv) implements Publication {}
        record ReplyTargetMissing() implements Publication {}
        /** The reply would make its jam deeper than Performance.MAX_LAYERS. */
        record JamFull() implements Publication {}
    }

    /**
     * A performance with the person it belongs to: its performer, or for a RoboJam layer the person who
     * kept it (research counts people, and RoboJam is not one).
     */
    public record Owned(Performance performance, UUID owner) {
    }

    public sealed interface Deletion {
        record Deleted() implements Deletion {}
        record NotFound() implements Deletion {}
        record NotYours() implements Deletion {}
    }

    /** What performance(ResultSet) reads: named, not SELECT *, so a column added to the table is read only where it is meant to be. */
    private static final String PERFORMANCE_COLUMNS = "id, performer_id, instrument, colour, background, created_at, reply_to, touches";
    private static final String CARD_COLUMNS = """
            p.id, p.performer_id, m.stage_name, p.instrument, p.colour, p.background, p.created_at, p.reply_to,
            p.touch_count, p.duration, m.robot, (SELECT COUNT(*) FROM performance r WHERE r.reply_to = p.id) AS reply_count""";

    private final Database database;
    private final Jdbi jdbi;

    public PerformanceStore(Database database) {
        this.database = database;
        this.jdbi = database.jdbi();
    }

    public Publication publish(UUID performerId, NewPerformance submitted) {
        return publish(performerId, submitted, null);
    }

    /** keptBy: the person who kept a RoboJam layer that RoboJam (performerId) publishes; null otherwise. */
    public Publication publish(UUID performerId, NewPerformance submitted, UUID keptBy) {
        String csv = TouchCsv.write(submitted.touches());
        // Nothing is stored that cannot be read back: the row as written meets the reader's limits, or 400. What is
        // published is what a read will give (touches as read back, the time to the millisecond it is stored in),
        // so the answer made from it is the one everyone reads later.
        Performance performance = new Performance(TimeOrderedIds.next(), performerId, submitted.instrument(),
                submitted.colour(), submitted.background(), Instant.now().truncatedTo(ChronoUnit.MILLIS), submitted.replyTo(), TouchCsv.read(csv));
        if (performance.replyTo() == null) return database.writeOneStatement(h -> insert(h, performance, csv, keptBy));
        return database.writeGrouped(h -> {
            int layers = layers(h, performance.replyTo());
            if (layers == 0) return new Publication.ReplyTargetMissing();
            if (layers >= Performance.MAX_LAYERS) return new Publication.JamFull();
            return insert(h, performance, csv, keptBy);
        });
    }

    private static Publication insert(Handle h, Performance performance, String csv, UUID keptBy) {
        h.createUpdate("""
                INSERT INTO performance (id, performer_id, instrument, colour, background, reply_to, created_at,
                                         touch_count, duration, touches, kept_by)
                VALUES (:id, :performer, :instrument, :colour, :background, :replyTo, :created, :count, :duration, :touches, :keptBy)""")
                .bind("id", performance.id().toString())
                .bind("performer", performance.performerId().toString())
                .bind("instrument", performance.instrument().wireName())
                .bind("colour", performance.colour().hex())
                .bind("background", performance.background().hex())
                .bind("replyTo", performance.replyTo() == null ? null : performance.replyTo().toString())
                .bind("created", performance.createdAt().toEpochMilli())
                .bind("count", performance.touches().size())
                .bind("duration", performance.touches().duration())
                .bind("touches", csv)
                .bind("keptBy", keptBy == null ? null : keptBy.toString())
                .execute();
        return new Publication.Published(performance, csv);
    }

    /** How many layers the jam ending in this performance has (0: no such performance), counting no further than the limit. */
    public int layers(UUID id) {
        return jdbi.withHandle(h -> layers(h, id));
    }

    public Optional<Performance> find(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + PERFORMANCE_COLUMNS + " FROM performance WHERE id = :id")
                .bind("id", id.toString()).map((rs, ctx) -> performance(rs)).findFirst());
    }

    /** The stored CSV text exactly as it was written at publication. */
    public Optional<String> csv(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT touches FROM performance WHERE id = :id")
                .bind("id", id.toString()).mapTo(String.class).findFirst());
    }

    public Optional<PerformanceCard> card(UUID id) {
        return cards(List.of(id)).stream().findFirst();
    }

    /** Cards for the given ids, in the order given; ids that do not exist are left out. */
    public List<PerformanceCard> cards(List<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        Map<UUID, PerformanceCard> found = new HashMap<>();
        jdbi.useHandle(h -> withLayerCounts(h, h.createQuery("SELECT " + CARD_COLUMNS
                        + " FROM performance p JOIN performer m ON m.id = p.performer_id WHERE p.id IN (<ids>)")
                .bindList("ids", ids.stream().map(UUID::toString).toList())
                .map((rs, ctx) -> card(rs)).list()).forEach(c -> found.put(c.id(), c)));
        return ids.stream().filter(found::containsKey).map(found::get).toList();
    }

    /**
     * The performance and every performance up its reply chain, itself first, the root last: at most
     * Performance.MAX_LAYERS of them (a chain stored before the limit is cut there, its newest layers kept).
     */
    public List<Performance> chain(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        WITH RECURSIVE chain(id, depth) AS (
                            SELECT id, 0 FROM performance WHERE id = :id
                            UNION ALL
                            SELECT p.reply_to, c.depth + 1 FROM chain c JOIN performance p ON p.id = c.id
                            WHERE p.reply_to IS NOT NULL AND c.depth < :deepest)
                        SELECT p.* FROM chain c JOIN performance p ON p.id = c.id ORDER BY c.depth""")
                .bind("id", id.toString()).bind("deepest", Performance.MAX_LAYERS - 1).map((rs, ctx) -> performance(rs)).list());
    }

    /** Direct replies, oldest first. */
    public List<PerformanceCard> replies(UUID id) {
        return jdbi.withHandle(h -> withLayerCounts(h, h.createQuery("SELECT " + CARD_COLUMNS
                        + " FROM performance p JOIN performer m ON m.id = p.performer_id WHERE p.reply_to = :id ORDER BY p.id")
                .bind("id", id.toString()).map((rs, ctx) -> card(rs)).list()));
    }

    public FeedQuery.Page feed(FeedQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + CARD_COLUMNS + " FROM performance p JOIN performer m ON m.id = p.performer_id WHERE 1 = 1");
        if (query.before() != null) sql.append(" AND p.id < :before");
        if (query.instrument() != null) sql.append(" AND p.instrument = :instrument");
        if (query.performer() != null) sql.append(" AND p.performer_id = :performer");
        if (query.jamsOnly()) sql.append(" AND NOT EXISTS (SELECT 1 FROM performance r WHERE r.reply_to = p.id)");
        sql.append(" ORDER BY p.id DESC LIMIT :limit");
        List<PerformanceCard> items = jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString()).bind("limit", query.limit() + 1);
            if (query.before() != null) q.bind("before", query.before().toString());
            if (query.instrument() != null) q.bind("instrument", query.instrument().wireName());
            if (query.performer() != null) q.bind("performer", query.performer().toString());
            return withLayerCounts(h, q.map((rs, ctx) -> card(rs)).list());
        });
        if (items.size() <= query.limit()) return new FeedQuery.Page(items, null);
        List<PerformanceCard> page = items.subList(0, query.limit());
        return new FeedQuery.Page(List.copyOf(page), page.getLast().id());
    }

    /** Every published performance, oldest first (research exports and analyses; deleted ones are gone). */
    public List<Performance> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + PERFORMANCE_COLUMNS + " FROM performance ORDER BY id").map((rs, ctx) -> performance(rs)).list());
    }

    /** {@link #all()} with who each performance belongs to, read in one query. */
    public List<Owned> allOwned() {
        return jdbi.withHandle(h -> h.createQuery("SELECT p.*, COALESCE(p.kept_by, p.performer_id) AS owner FROM performance p ORDER BY p.id")
                .map((rs, ctx) -> new Owned(performance(rs), UUID.fromString(rs.getString("owner")))).list());
    }

    /** Every performance of one performer (and the RoboJam layers they kept), oldest first: for their export. */
    public List<Performance> byPerformer(UUID performerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + PERFORMANCE_COLUMNS + " FROM performance WHERE performer_id = :id OR kept_by = :id ORDER BY id")
                .bind("id", performerId.toString()).map((rs, ctx) -> performance(rs)).list());
    }

    /** Only the performer (or whoever kept a RoboJam layer) may delete; replies by others stay and no longer point at it. */
    public Deletion delete(UUID id, UUID performerId) {
        Deletion deletion = database.write(h -> {
            Optional<Map<String, Object>> owners = h.createQuery("SELECT performer_id, kept_by FROM performance WHERE id = :id")
                    .bind("id", id.toString()).mapToMap().findFirst();
            if (owners.isEmpty()) return new Deletion.NotFound();
            String me = performerId.toString();
            if (!me.equals(owners.get().get("performer_id")) && !me.equals(owners.get().get("kept_by"))) return new Deletion.NotYours();
            h.createUpdate("UPDATE performance SET reply_to = NULL WHERE reply_to = :id").bind("id", id.toString()).execute();
            h.createUpdate("DELETE FROM performance WHERE id = :id").bind("id", id.toString()).execute();
            Database.deleted(h);
            return new Deletion.Deleted();
        });
        if (deletion instanceof Deletion.Deleted) database.scrubSoon();
        return deletion;
    }

    /** How many layers the jam ending in this performance has (0: no such performance), counting no further than the limit. */
    private static int layers(Handle h, UUID id) {
        return h.createQuery("""
                        WITH RECURSIVE chain(id, depth) AS (
                            SELECT id, 1 FROM performance WHERE id = :id
                            UNION ALL
                            SELECT p.reply_to, c.depth + 1 FROM chain c JOIN performance p ON p.id = c.id
                            WHERE p.reply_to IS NOT NULL AND c.depth < :deepest)
                        SELECT COALESCE(MAX(depth), 0) FROM chain""")
                .bind("id", id.toString()).bind("deepest", Performance.MAX_LAYERS).mapTo(Integer.class).one();
    }

    // Layers = length of the reply chain from each card up to its root, counted for a whole page at once.
    private static List<PerformanceCard> withLayerCounts(Handle h, List<PerformanceCard> cards) {
        if (cards.isEmpty()) return cards;
        Map<String, Integer> layers = new HashMap<>();
        h.createQuery("""
                        WITH RECURSIVE chain(start_id, id, depth) AS (
                            SELECT id, id, 1 FROM performance WHERE id IN (<ids>)
                            UNION ALL
                            SELECT c.start_id, p.reply_to, c.depth + 1 FROM chain c JOIN performance p ON p.id = c.id
                            WHERE p.reply_to IS NOT NULL AND c.depth < :deepest)
                        SELECT start_id, MAX(depth) AS layers FROM chain GROUP BY start_id""")
                .bindList("ids", cards.stream().map(c -> c.id().toString()).toList())
                .bind("deepest", Performance.MAX_LAYERS)
                .map((rs, ctx) -> Map.entry(rs.getString("start_id"), rs.getInt("layers")))
                .forEach(e -> layers.put(e.getKey(), e.getValue()));
        List<PerformanceCard> counted = new ArrayList<>(cards.size());
        for (PerformanceCard card : cards) counted.add(card.withLayers(layers.getOrDefault(card.id().toString(), 1)));
        return counted;
    }

    private static PerformanceCard card(ResultSet rs) throws SQLException {
        return new PerformanceCard(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("performer_id")),
                rs.getString("stage_name"), Instrument.parse(rs.getString("instrument")), new Colour(rs.getString("colour")),
                new Colour(rs.getString("background")), Instant.ofEpochMilli(rs.getLong("created_at")), uuidOrNull(rs.getString("reply_to")),
                rs.getInt("touch_count"), rs.getDouble("duration"), rs.getInt("reply_count"), 1, rs.getInt("robot") == 1);
    }

    private static Performance performance(ResultSet rs) throws SQLException {
        return new Performance(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("performer_id")),
                Instrument.parse(rs.getString("instrument")), new Colour(rs.getString("colour")), new Colour(rs.getString("background")),
                Instant.ofEpochMilli(rs.getLong("created_at")), uuidOrNull(rs.getString("reply_to")), TouchCsv.read(rs.getString("touches")));
    }

    private static UUID uuidOrNull(String text) {
        return text == null ? null : UUID.fromString(text);
    }
}
