// V5 on a database written under the older name rules (unique ignoring case only): every performer gets
// their name's look-alike keys, the first holder of a name keeps it, later look-alikes and names that were
// all invisible get a number, RoboJam's name is freed from a squatter, and the keys are UNIQUE in the
// database itself. On SQLite and PostgreSQL.
package microjam.store;

import microjam.performance.Performer;
import microjam.performance.Colour;
import microjam.performance.StageName;
import microjam.testing.Engine;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StageNameMigrationTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void storedNamesGetTheirKeysAndLookAlikesANumber(Engine engine) throws Exception {
        String url = engine.freshUrl(Files.createTempDirectory("microjam-v5"));
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("4").load().migrate();
        // stored name -> the name it has after V5, oldest first; no RoboJam row yet (the server makes it on start)
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("RoboJam", "RoboJam 2");              // a squatter from before RoboJam's row: the name is reserved
        expected.put("alice", "alice");
        expected.put("\u0430lice", "\u0430lice 2");        // Cyrillic а: later than alice
        expected.put("Robo\u200BJam", "RoboJam 3");        // invisible character dropped, then like RoboJam
        expected.put("\u200B\u200B", "Performer 3");       // nothing visible at all, and "Performer 2" is someone's
        expected.put("\uFF22\uFF2F\uFF22", "BOB");         // fullwidth: its NFKC form, not a look-alike of anyone
        expected.put("\u0395\u03BB\u03AD\u03BD\u03B7", "\u0395\u03BB\u03AD\u03BD\u03B7"); // Ελένη, untouched
        expected.put("aIice", "aIice 3");                  // capital I for l; "аlice 2" looks like "aIice 2"
        expected.put("Performer 2", "Performer 2");        // a name people chose goes before a number given out
        Jdbi old = Jdbi.create(url);
        long created = 1;
        for (String name : expected.keySet()) {
            long at = created++;
            old.useHandle(h -> h.createUpdate("""
                            INSERT INTO performer (id, stage_name, stage_name_key, colour, token_hash, created_at)
                            VALUES (:id, :name, :key, '#000000', :hash, :at)""")
                    .bind("id", UUID.randomUUID().toString()).bind("name", name).bind("key", name.toLowerCase(java.util.Locale.ROOT))
                    .bind("hash", Tokens.hash(Tokens.newToken())).bind("at", at).execute());
        }

        try (Database database = Database.open(url)) {
            Jdbi jdbi = database.jdbi();
            Map<String, String> after = new LinkedHashMap<>();
            jdbi.useHandle(h -> h.createQuery("SELECT stage_name FROM performer ORDER BY created_at").mapTo(String.class)
                    .forEach(name -> after.put(name, name)));
            assertThat(after.keySet()).containsExactlyElementsOf(expected.values());
            for (String name : after.keySet()) assertThat(new StageName(name).value()).as("valid as stored").isEqualTo(name);

            PerformerStore performers = new PerformerStore(database);
            assertThat(performers.robojam().stageName().value()).as("RoboJam's row can be made").isEqualTo(PerformerStore.ROBOJAM_NAME);
            assertThat(performers.create(new StageName("ALICE"), new Colour("#000000"))).isEqualTo(new PerformerStore.NameTaken("alice"));
            assertThat(performers.create(new StageName("Performer 2"), new Colour("#000000"))).isInstanceOf(PerformerStore.NameTaken.class);
            // The database itself refuses a second row with a taken key, whatever the code in front of it does.
            StageNameKeys alice = StageNameKeys.of(new StageName("alice"));
            for (String[] keys : new String[][]{{alice.skeleton(), "other"}, {"other", alice.foldedSkeleton()}})
                assertThatThrownBy(() -> jdbi.useHandle(h -> h.createUpdate("""
                                INSERT INTO performer (id, stage_name, stage_name_skeleton, stage_name_folded_skeleton, colour, token_hash, created_at)
                                VALUES (:id, 'x', :skeleton, :folded, '#000000', :hash, 99)""")
                        .bind("id", UUID.randomUUID().toString()).bind("skeleton", keys[0]).bind("folded", keys[1])
                        .bind("hash", Tokens.hash(Tokens.newToken())).execute())).as(String.join(",", keys)).isNotNull();
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.createQuery("SELECT stage_name_key FROM performer").mapToMap().list()))
                    .as("the old key is gone: one rule for which names are the same").isNotNull();
        }
    }
}
