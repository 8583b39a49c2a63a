// The two databases every API test runs on: the embedded SQLite file and real PostgreSQL binaries.
package microjam.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import microjam.store.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

public enum Engine {
    SQLITE, POSTGRESQL;

    private static EmbeddedPostgres postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** A JDBC URL of a new, empty database. */
    public String freshUrl(Path dir) {
        return switch (this) {
            case SQLITE -> Database.sqliteUrl(dir.resolve("microjam-" + DATABASES.incrementAndGet() + ".db"));
            case POSTGRESQL -> {
                String name = "microjam_" + DATABASES.incrementAndGet();
                try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                yield postgres().getJdbcUrl("postgres", name);
            }
        };
    }

    public Database openFresh() {
        try {
            return Database.open(freshUrl(Files.createTempDirectory("microjam-db")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the process is ending anyway
                }
            }));
        }
        return postgres;
    }
}
