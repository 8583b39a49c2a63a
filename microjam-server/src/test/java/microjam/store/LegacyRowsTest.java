// A row stored before today's limits (here a touch size of 1e308 that writes past the reader's 128 KiB)
// is repaired by the migration, so no jam, export or research run fails on it.
package microjam.store;

import microjam.performance.TouchCsv;
import microjam.testing.Engine;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyRowsTest {
    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUnreadableStoredRowIsRepairedOnMigration(Engine engine) throws Exception {
        String url = engine.freshUrl(Files.createTempDirectory("microjam-legacy"));
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("4").load().migrate();
        UUID performer = TimeOrderedIds.next(), performance = TimeOrderedIds.next();
        StringBuilder poison = new StringBuilder("time,x,y,z,moving\n");
        for (int i = 0; i < 2000; i++) poison.append(String.format(java.util.Locale.ROOT, "%f, 0.500000, 0.500000, %f, 1\n", i * 0.002, 1e308));
        assertThat(poison.length()).isGreaterThan(TouchCsv.MAX_BYTES);
        try (Connection c = java.sql.DriverManager.getConnection(url)) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO performer (id, stage_name, stage_name_key, colour, token_hash, created_at) VALUES (?, 'old', 'old', '#000000', ?, 0)")) {
                s.setString(1, performer.toString());
                s.setString(2, "f".repeat(64));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO performance (id, performer_id, instrument, colour, background, created_at, touch_count, duration, touches) VALUES (?, ?, 'keys', '#000000', '#ffffff', 0, 2000, 4.0, ?)")) {
                s.setString(1, performance.toString());
                s.setString(2, performer.toString());
                s.setString(3, poison.toString());
                s.executeUpdate();
            }
        }
        try (Database db = Database.open(url)) {
            var repaired = new PerformanceStore(db).find(performance).orElseThrow();
            assertThat(repaired.touches().size()).isEqualTo(2000);
            assertThat(repaired.touches().get(0).z()).isEqualTo(microjam.performance.Touch.MAX_Z);
            assertThat(new PerformanceStore(db).card(performance).orElseThrow().touchCount()).isEqualTo(2000);
        }
    }
}
