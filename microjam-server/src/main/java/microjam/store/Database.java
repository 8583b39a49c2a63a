// Opens the database named by a JDBC URL (SQLite file or PostgreSQL), migrates its schema and
// hands out Jdbi. SQLite runs in WAL mode with synchronous=FULL, so an acknowledged write survives kill -9.
package microjam.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

public final class Database implements AutoCloseable {
    public enum Engine { SQLITE, POSTGRESQL }

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Engine engine;
    // SQLite has one writer at a time; queueing writers here (fairly) beats its busy-wait back-off,
    // which let a waiting upload sleep for hundreds of milliseconds under load.
    private final ReentrantLock sqliteWriter;
    private final GroupCommit groupCommit;
    private final AtomicLong writes = new AtomicLong();
    private final Scrubber scrubber;

    private Database(HikariDataSource dataSource, Engine engine) {
        this.dataSource = dataSource;
        this.engine = engine;
        this.jdbi = Jdbi.create(dataSource);
        this.sqliteWriter = engine == Engine.SQLITE ? new ReentrantLock(true) : null;
        this.groupCommit = engine == Engine.SQLITE ? new GroupCommit(jdbi, sqliteWriter) : null;
        this.scrubber = new Scrubber(engine, jdbi, sqliteWriter);
    }

    public static Database open(String jdbcUrl) {
        Engine engine = engineOf(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("microjam");
        config.setConnectionTimeout(2_000); // when the database is away, fail fast (503) rather than hold requests
        config.setValidationTimeout(2_000);
        config.setInitializationFailTimeout(10_000);
        if (engine == Engine.SQLITE) configureSqlite(config, jdbcUrl);
        else config.setMaximumPoolSize(16);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, engine);
    }

    /** The embedded default: a SQLite file in the data directory. */
    public static String sqliteUrl(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    private static void configureSqlite(HikariConfig config, String jdbcUrl) {
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        if (query >= 0) path = path.substring(0, query);
        if (!path.isEmpty() && !path.startsWith(":memory:") && !path.startsWith("file:")) {
            Path file = Path.of(path).toAbsolutePath();
            Path parent = file.getParent();
            try {
                if (parent != null && !Files.isDirectory(parent)) PrivateFiles.createDirectories(parent);
                // Made here, empty (SQLite's word for a new database) and 0600: SQLite makes its -wal and -shm files with the database's mode.
                PrivateFiles.createFile(file);
                PrivateFiles.file(Path.of(file + "-wal"));
                PrivateFiles.file(Path.of(file + "-shm"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the database file " + file + ": " + e.getMessage(), e);
            }
        }
        // SQLite takes one writer at a time; a few connections serve concurrent readers under WAL.
        config.setMaximumPoolSize(8);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "FULL");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("busy_timeout", "10000");
        // Deleted means gone from the bytes on disk too: SQLite overwrites deleted content with zeros
        // (otherwise free pages and cells keep it until reused), and Scrubber empties the WAL soon after.
        config.addDataSourceProperty("secure_delete", "true");
    }

    static Engine engineOf(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlite:")) return Engine.SQLITE;
        if (url.startsWith("jdbc:postgresql:")) return Engine.POSTGRESQL;
        throw new IllegalArgumentException("unsupported database URL (use jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB)");
    }

    /** Runs work that writes in one transaction; on SQLite writers take turns. */
    public <R, X extends Exception> R write(HandleCallback<R, X> work) throws X {
        try {
            if (sqliteWriter == null) return jdbi.inTransaction(work);
            sqliteWriter.lock();
            try {
                return jdbi.inTransaction(work);
            } finally {
                sqliteWriter.unlock();
            }
        } finally {
            writes.incrementAndGet();
        }
    }

    /**
     * Like {@link #write}, for the frequent small writes (uploads). On SQLite concurrent ones share one
     * commit (one fsync), and this returns only once the commit holding this write is durable (357 →
     * 1,477 uploads/s with wrk). PostgreSQL already groups concurrent commits itself; our own grouping there
     * doubled upload throughput but tripled upload latency under a mixed load (one writer queued
     * behind round trips), so PostgreSQL writes go straight through.
     */
    public <R> R writeGrouped(HandleCallback<R, RuntimeException> work) {
        if (groupCommit == null) return write(work);
        try {
            return groupCommit.write(work);
        } finally {
            writes.incrementAndGet();
        }
    }

    /**
     * A write that is one statement (an upload that starts a jam): on SQLite it shares a group commit like
     * {@link #writeGrouped}; on PostgreSQL it runs outside a transaction, so the statement commits itself, durably,
     * in one round trip where BEGIN and COMMIT take two.
     */
    public <R> R writeOneStatement(HandleCallback<R, RuntimeException> statement) {
        if (groupCommit != null) return writeGrouped(statement);
        try {
            return jdbi.withHandle(statement);
        } finally {
            writes.incrementAndGet();
        }
    }

    /**
     * Counts the writes made through this object, moving on after each one ends (committed or not).
     * Something read while this stayed the same is still current, as long as this process is the only
     * writer: true of the embedded SQLite file, not of a PostgreSQL shared by several servers.
     */
    public long writeCount() {
        return writes.get();
    }

    /**
     * Something was deleted or overwritten (a performance, an account, a name, an avatar): make sure its
     * bytes leave every file soon. On SQLite the deleted content is already zeroed in the pages
     * (secure_delete), but the write-ahead log still holds it until a checkpoint; this schedules one that
     * truncates the log within Scrubber.DELAY. On PostgreSQL it schedules a VACUUM of the tables.
     */
    public void scrubSoon() {
        scrubber.soon();
    }

    /** Inside a write that deletes something: counts a deletion, in the same transaction. */
    static void deleted(Handle h) {
        h.createUpdate("UPDATE change_generation SET deletions = deletions + 1 WHERE id = 1").execute();
    }

    /** Inside a write that changes what feeds show of a performer (name, colours): counts it, in the same transaction. */
    static void profileChanged(Handle h) {
        h.createUpdate("UPDATE change_generation SET profiles = profiles + 1 WHERE id = 1").execute();
    }

    /** What servers sharing the database watch: committed deletions and profile changes, and the newest performance (time-ordered ids). */
    public record Changes(long deletions, long profiles, String newestPerformance) {
    }

    public Changes changes() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT c.deletions, c.profiles, (SELECT MAX(id) FROM performance) AS newest FROM change_generation c WHERE c.id = 1")
                .map((rs, ctx) -> new Changes(rs.getLong(1), rs.getLong(2), rs.getString(3))).one());
    }

    /** Whether every write to the database passes through this process (so {@link #writeCount} sees them all). */
    public boolean soleWriter() {
        return engine == Engine.SQLITE;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Engine engine() {
        return engine;
    }

    /** The connection pool's state, for metrics: connections active, idle, total, and threads waiting for one. */
    public record PoolState(int active, int idle, int total, int waiting) {
    }

    public PoolState poolState() {
        var pool = dataSource.getHikariPoolMXBean();
        if (pool == null) return new PoolState(0, 0, 0, 0);
        return new PoolState(pool.getActiveConnections(), pool.getIdleConnections(), pool.getTotalConnections(), pool.getThreadsAwaitingConnection());
    }

    /** True when a connection can be had and answers a trivial query. */
    public boolean isReady() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        scrubber.close();
        dataSource.close();
    }
}
