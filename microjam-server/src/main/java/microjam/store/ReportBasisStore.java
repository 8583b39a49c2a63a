// Which performances a research report was built from (table research_basis). Rows leave with their
// performance (ON DELETE CASCADE), so comparing what is left with what the report recorded tells whether
// anything in the report has since been deleted, on every engine and whichever server did the deleting.
package microjam.store;

import java.util.List;
import java.util.UUID;

public final class ReportBasisStore {
    /** Ids per INSERT: far below SQLite's and PostgreSQL's limits on bound parameters. */
    private static final int CHUNK = 500;

    private final Database database;

    public ReportBasisStore(Database database) {
        this.database = database;
    }

    /**
     * Records the performances of a new report, in one transaction; ids no longer in the database (deleted
     * while the report was being computed) are left out. Answers how many were recorded.
     */
    public int record(UUID report, List<UUID> performances) {
        return database.write(h -> {
            int recorded = 0;
            for (int from = 0; from < performances.size(); from += CHUNK)
                recorded += h.createUpdate("""
                                INSERT INTO research_basis (report, performance_id)
                                SELECT :report, id FROM performance WHERE id IN (<ids>)""")
                        .bind("report", report.toString())
                        .bindList("ids", performances.subList(from, Math.min(performances.size(), from + CHUNK)).stream().map(UUID::toString).toList())
                        .execute();
            return recorded;
        });
    }

    /** How many of the report's performances still exist. */
    public int remaining(UUID report) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM research_basis WHERE report = :report")
                .bind("report", report.toString()).mapTo(Integer.class).one());
    }

    public void forget(UUID report) {
        database.write(h -> h.createUpdate("DELETE FROM research_basis WHERE report = :report").bind("report", report.toString()).execute());
    }
}
