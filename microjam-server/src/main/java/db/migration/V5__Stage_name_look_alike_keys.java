// V5: a stage name is unique by its look-alike keys (StageNameKeys, from ICU), each column with its own
// UNIQUE index, instead of ignoring case only (stage_name_key, dropped). A Java migration because the
// keys come from ICU; every statement in it is portable SQL, the same on SQLite and PostgreSQL.
// Names stored under the older rules are brought to the current ones (StageName.salvage) first.
package db.migration;

import microjam.performance.StageName;
import microjam.store.PerformerStore;
import microjam.store.StageNameKeys;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public class V5__Stage_name_look_alike_keys extends BaseJavaMigration {
    /** The name of a performer whose stored name has nothing visible left (it was all invisible characters). */
    static final String NAMELESS = "Performer";
    private static final int BATCH = 1000;

    private record Stored(String id, String name, boolean robot) {
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement s = connection.createStatement()) {
            // SQLite adds a NOT NULL column only with a default; every row gets its keys just below, and the
            // UNIQUE indexes refuse a second row that comes without them.
            s.execute("ALTER TABLE performer ADD COLUMN stage_name_skeleton TEXT NOT NULL DEFAULT ''");
            s.execute("ALTER TABLE performer ADD COLUMN stage_name_folded_skeleton TEXT NOT NULL DEFAULT ''");
        }
        int renamed = backfill(connection);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE UNIQUE INDEX performer_stage_name_skeleton ON performer (stage_name_skeleton)");
            s.execute("CREATE UNIQUE INDEX performer_stage_name_folded_skeleton ON performer (stage_name_folded_skeleton)");
            s.execute("DROP INDEX performer_stage_name_key");
            s.execute("ALTER TABLE performer DROP COLUMN stage_name_key");
        }
        // Counts only: logs never hold a stage name.
        LoggerFactory.getLogger(V5__Stage_name_look_alike_keys.class).info("event=stage_name_keys_migrated renamed={}", renamed);
    }

    /**
     * Gives every performer their name's keys. RoboJam keeps its name, then each performer, oldest first,
     * keeps theirs (in its current form) unless an older one looks the same; only then do later look-alikes,
     * and names that were all invisible characters, get a number ("alice 2"), which their performer can
     * change. Answers how many names changed.
     */
    static int backfill(Connection connection) throws SQLException {
        List<Stored> performers = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, stage_name, robot FROM performer ORDER BY robot DESC, created_at, id")) {
            while (rs.next()) performers.add(new Stored(rs.getString("id"), rs.getString("stage_name"), rs.getInt("robot") == 1));
        }
        Taken taken = new Taken();
        StageName robojam = new StageName(PerformerStore.ROBOJAM_NAME);
        taken.add(StageNameKeys.of(robojam)); // reserved even where its row is not made yet
        Map<Stored, StageName> names = new LinkedHashMap<>();
        List<Stored> lookAlikes = new ArrayList<>();
        for (Stored performer : performers) {
            if (performer.robot()) {
                names.put(performer, robojam);
                continue;
            }
            Optional<StageName> current = StageName.salvage(performer.name());
            if (current.isPresent() && taken.add(StageNameKeys.of(current.get()))) names.put(performer, current.get());
            else lookAlikes.add(performer);
        }
        for (Stored performer : lookAlikes) {
            StageName base = StageName.salvage(performer.name()).orElse(null), name;
            int n = 2;
            do name = numbered(base, n++); while (!taken.add(StageNameKeys.of(name)));
            names.put(performer, name);
        }
        int renamed = 0, batched = 0;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE performer SET stage_name = ?, stage_name_skeleton = ?, stage_name_folded_skeleton = ? WHERE id = ?")) {
            for (Map.Entry<Stored, StageName> entry : names.entrySet()) {
                StageName name = entry.getValue();
                StageNameKeys keys = StageNameKeys.of(name);
                if (!name.value().equals(entry.getKey().name())) renamed++;
                update.setString(1, name.value());
                update.setString(2, keys.skeleton());
                update.setString(3, keys.foldedSkeleton());
                update.setString(4, entry.getKey().id());
                update.addBatch();
                if (++batched % BATCH == 0) update.executeBatch();
            }
            update.executeBatch();
        }
        return renamed;
    }

    /** The keys given out so far. */
    private static final class Taken {
        private final Set<String> skeletons = new HashSet<>(), foldedSkeletons = new HashSet<>();

        /** Takes the keys if neither is taken yet. */
        boolean add(StageNameKeys keys) {
            if (skeletons.contains(keys.skeleton()) || foldedSkeletons.contains(keys.foldedSkeleton())) return false;
            skeletons.add(keys.skeleton());
            foldedSkeletons.add(keys.foldedSkeleton());
            return true;
        }
    }

    /** "alice 2": the name cut to leave room for the number. */
    private static StageName numbered(StageName base, int n) {
        String suffix = " " + n;
        int[] codePoints = (base == null ? NAMELESS : base.value()).codePoints().toArray();
        String head = new String(codePoints, 0, Math.min(codePoints.length, StageName.MAX_LENGTH - suffix.length()));
        return StageName.salvage(head.strip() + suffix).orElseThrow();
    }
}
