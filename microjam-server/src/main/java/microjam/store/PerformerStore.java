// Performers: creation with a fresh secret token, lookup by token, profile changes, avatars.
package microjam.store;

import microjam.performance.Colour;
import microjam.performance.NewPerformance;
import microjam.performance.Performer;
import microjam.performance.StageName;
import microjam.robojam.RoboJam;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public final class PerformerStore {
    public sealed interface Creation {
        record Created(Performer performer, String token) implements Creation {}
    }

    /** What a change of profile did: made, answering the performer as changed, or refused for a name taken. */
    public sealed interface Change {
        record Changed(Performer performer) implements Change {}
    }

    /** A new performer or a changed name refused: lookAlike is the name it would be taken for, someone else's or RoboJam's. */
    public record NameTaken(String lookAlike) implements Creation, Change {}

    /** Why a name cannot be had, naming the name it would be taken for: look-alikes differ in ways hard to see. */
    public static String nameTaken(StageName name, String lookAlike) {
        return "the stage name \"" + name.value() + "\" is taken" + (lookAlike.equals(name.value()) ? "" : ": it looks like \"" + lookAlike + "\"");
    }

    public static final String ROBOJAM_NAME = "RoboJam";
    /** RoboJam's name is reserved in any disguise, even before its row exists (the importer may come first). */
    private static final StageNameKeys ROBOJAM_KEYS = StageNameKeys.of(new StageName(ROBOJAM_NAME));
    private final Database database;
    private final Jdbi jdbi;

    public PerformerStore(Database database) {
        this.database = database;
        this.jdbi = database.jdbi();
    }

    public Creation create(StageName stageName, Colour colour) {
        return create(stageName, colour, null);
    }

    /** policyVersion: the privacy-policy version the performer accepted (null when an operator imports). */
    public Creation create(StageName stageName, Colour colour, String policyVersion) {
        StageNameKeys keys = StageNameKeys.of(stageName);
        Optional<String> lookAlike = lookAlike(keys, null);
        if (lookAlike.isPresent()) return new NameTaken(lookAlike.get());
        String token = Tokens.newToken();
        Performer performer = new Performer(TimeOrderedIds.next(), stageName, colour, Instant.now());
        try {
            database.write(h -> h.createUpdate("""
                            INSERT INTO performer (id, stage_name, stage_name_skeleton, stage_name_folded_skeleton, colour, token_hash, created_at,
                                                   policy_version, policy_accepted_at)
                            VALUES (:id, :name, :skeleton, :foldedSkeleton, :colour, :hash, :created, :policy, :accepted)""")
                    .bind("id", performer.id().toString())
                    .bind("name", stageName.value())
                    .bindMethods(keys)
                    .bind("colour", colour.hex())
                    .bind("hash", Tokens.hash(token))
                    .bind("created", performer.createdAt().toEpochMilli())
                    .bind("policy", policyVersion)
                    .bind("accepted", policyVersion == null ? null : performer.createdAt().toEpochMilli())
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            Optional<String> racedBy = lookAlike(keys, null); // lost a race for the name
            if (racedBy.isPresent()) return new NameTaken(racedBy.get());
            throw e;
        }
        return new Creation.Created(performer, token);
    }

    /** Deletes the performer and everything of theirs; replies by others stay and stop pointing at them. */
    public List<UUID> deleteAccount(UUID id) {
        List<UUID> removed = database.write(h -> {
            List<UUID> theirs = h.createQuery("SELECT id FROM performance WHERE performer_id = :id OR kept_by = :id")
                    .bind("id", id.toString()).map((rs, ctx) -> UUID.fromString(rs.getString(1))).list();
            h.createUpdate("UPDATE performance SET reply_to = NULL WHERE reply_to IN (SELECT id FROM performance WHERE performer_id = :id OR kept_by = :id)")
                    .bind("id", id.toString()).execute();
            h.createUpdate("DELETE FROM performance WHERE performer_id = :id OR kept_by = :id").bind("id", id.toString()).execute();
            h.createUpdate("DELETE FROM avatar WHERE performer_id = :id").bind("id", id.toString()).execute();
            h.createUpdate("DELETE FROM performer WHERE id = :id").bind("id", id.toString()).execute();
            h.createUpdate("DELETE FROM write_bucket WHERE performer_id = :id").bind("id", id.toString()).execute();
            Database.deleted(h);
            return theirs;
        });
        database.scrubSoon();
        return removed;
    }

    /**
     * The built-in RoboJam performer, made on first use; nobody holds a token for it. Servers starting together on
     * one database may all find it missing: the first insert wins, the others' do nothing, and all read the one row.
     */
    public Performer robojam() {
        StageName name = new StageName(ROBOJAM_NAME);
        Optional<Performer> existing = findRobojam();
        if (existing.isPresent()) return existing.get();
        Performer robot = new Performer(TimeOrderedIds.next(), name, RoboJam.COLOUR, Instant.now());
        database.write(h -> h.createUpdate("""
                        INSERT INTO performer (id, stage_name, stage_name_skeleton, stage_name_folded_skeleton, colour, token_hash, created_at, robot)
                        VALUES (:id, :name, :skeleton, :foldedSkeleton, :colour, :hash, :created, 1)
                        ON CONFLICT DO NOTHING""")
                .bind("id", robot.id().toString()).bind("name", name.value()).bindMethods(ROBOJAM_KEYS).bind("colour", robot.colour().hex())
                .bind("hash", Tokens.hash(Tokens.newToken())).bind("created", robot.createdAt().toEpochMilli()).execute());
        return findRobojam().orElseThrow(() -> new IllegalStateException("the RoboJam performer's name is taken by a performer who is not RoboJam"));
    }

    private Optional<Performer> findRobojam() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, stage_name, colour, created_at FROM performer WHERE robot = 1")
                .map((rs, ctx) -> performer(rs)).findFirst());
    }

    /** A performer known by their token, with the privacy-policy version they accepted (null: none yet). */
    public record SignedIn(Performer performer, String acceptedPolicy) {
    }

    /**
     * The performer a token belongs to, with the policy they accepted, in one query (one round trip for every
     * upload); the hashes are compared in constant time.
     */
    public Optional<SignedIn> signedIn(String token) {
        if (!Tokens.looksLikeToken(token)) return Optional.empty();
        String hash = Tokens.hash(token);
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id, stage_name, colour, created_at, token_hash, policy_version FROM performer WHERE token_hash = :hash")
                .bind("hash", hash)
                .map((rs, ctx) -> Tokens.sameHash(rs.getString("token_hash"), hash) ? new SignedIn(performer(rs), rs.getString("policy_version")) : null)
                .findFirst());
    }

    public Optional<Performer> find(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, stage_name, colour, created_at FROM performer WHERE id = :id")
                .bind("id", id.toString())
                .map((rs, ctx) -> performer(rs))
                .findFirst());
    }

    /**
     * Changes the stage name, colour and/or background (null: unchanged) of an existing performer. When the
     * new name would be taken for someone else's (or RoboJam's), nothing changes and that name is answered.
     */
    public Change update(UUID id, StageName stageName, Colour colour, Colour background) {
        StageNameKeys keys = stageName == null ? null : StageNameKeys.of(stageName);
        try {
            Optional<String> refused = database.write(h -> {
                if (keys != null) {
                    Optional<String> lookAlike = lookAlike(h, keys, id);
                    if (lookAlike.isPresent()) return lookAlike;
                    h.createUpdate("UPDATE performer SET stage_name = :name, stage_name_skeleton = :skeleton, stage_name_folded_skeleton = :foldedSkeleton WHERE id = :id")
                            .bind("name", stageName.value()).bindMethods(keys).bind("id", id.toString()).execute();
                }
                if (colour != null)
                    h.createUpdate("UPDATE performer SET colour = :colour WHERE id = :id")
                            .bind("colour", colour.hex()).bind("id", id.toString()).execute();
                if (background != null)
                    h.createUpdate("UPDATE performer SET background = :background WHERE id = :id")
                            .bind("background", background.hex()).bind("id", id.toString()).execute();
                Database.profileChanged(h);
                return Optional.empty();
            });
            if (refused.isPresent()) return new NameTaken(refused.get());
            if (keys != null) database.scrubSoon(); // the old name leaves the files too
            return new Change.Changed(find(id).orElseThrow(() -> new IllegalStateException("no performer " + id)));
        } catch (UnableToExecuteStatementException e) {
            Optional<String> racedBy = keys == null ? Optional.empty() : lookAlike(keys, id);
            if (racedBy.isPresent()) return new NameTaken(racedBy.get());
            throw e;
        }
    }

    /** The policy version a performer accepted and when (null when unknown), for their export. */
    public record Consent(String policyVersion, Instant acceptedAt) {
    }

    public Consent consent(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT policy_version, policy_accepted_at FROM performer WHERE id = :id")
                .bind("id", id.toString())
                .map((rs, ctx) -> {
                    long at = rs.getLong("policy_accepted_at");
                    return new Consent(rs.getString("policy_version"), rs.wasNull() ? null : Instant.ofEpochMilli(at));
                }).findFirst().orElse(new Consent(null, null)));
    }

    /** The background of the performer's square: their choice, or the original app's dark square. */
    public Colour background(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT background FROM performer WHERE id = :id")
                .bind("id", id.toString()).mapTo(String.class).stream().filter(Objects::nonNull).findFirst())
                .map(Colour::new).orElse(NewPerformance.DEFAULT_BACKGROUND);
    }

    public Optional<String> policyVersion(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT policy_version FROM performer WHERE id = :id")
                .bind("id", id.toString()).mapTo(String.class).findFirst());
    }

    public void acceptPolicy(UUID id, String version) {
        database.write(h -> h.createUpdate("UPDATE performer SET policy_version = :v, policy_accepted_at = :at WHERE id = :id")
                .bind("v", version).bind("at", Instant.now().toEpochMilli()).bind("id", id.toString()).execute());
    }

    public void setAvatar(UUID id, byte[] png) {
        database.write(h -> {
            h.createUpdate("DELETE FROM avatar WHERE performer_id = :id").bind("id", id.toString()).execute();
            return h.createUpdate("INSERT INTO avatar (performer_id, png) VALUES (:id, :png)").bind("id", id.toString()).bind("png", png).execute();
        });
        database.scrubSoon(); // the old picture
    }

    public Optional<byte[]> avatar(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT png FROM avatar WHERE performer_id = :id")
                .bind("id", id.toString()).mapTo(byte[].class).findFirst());
    }

    private Optional<String> lookAlike(StageNameKeys keys, UUID except) {
        return jdbi.withHandle(h -> lookAlike(h, keys, except));
    }

    /** The name of another performer (or RoboJam's) that a name with these keys would be taken for; both keys are indexed. */
    private static Optional<String> lookAlike(Handle h, StageNameKeys keys, UUID except) {
        if (keys.looksLike(ROBOJAM_KEYS)) return Optional.of(ROBOJAM_NAME); // RoboJam itself never signs up or renames
        return h.createQuery("""
                        SELECT id, stage_name FROM performer
                        WHERE stage_name_skeleton = :skeleton OR stage_name_folded_skeleton = :foldedSkeleton""")
                .bindMethods(keys)
                .map((rs, ctx) -> except != null && except.toString().equals(rs.getString("id")) ? null : rs.getString("stage_name"))
                .stream().filter(Objects::nonNull).findFirst();
    }

    static Performer performer(ResultSet rs) throws SQLException {
        return new Performer(UUID.fromString(rs.getString("id")), new StageName(rs.getString("stage_name")),
                new Colour(rs.getString("colour")), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
