// What went wrong below a failed database call, when it is the storage rather than the request:
// the database cannot be reached (try again shortly), or its disk is full (nothing can be written
// until space is freed; reads go on). Engines say so in their own ways; this is the one place that knows.
package microjam.store;

import org.jdbi.v3.core.ConnectionException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

public enum StorageFailure {
    UNREACHABLE, FULL;

    public static Optional<StorageFailure> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_FULL) return Optional.of(FULL);
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectionException) return Optional.of(UNREACHABLE);
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("53100")) return Optional.of(FULL); // PostgreSQL: disk_full
                // class 08: connection exceptions; 57P: the server shutting down or restarting
                if (state.startsWith("08") || state.startsWith("57P")) return Optional.of(UNREACHABLE);
            }
        }
        return Optional.empty();
    }
}
