// Rows stored before a reader's limit existed (a touch size of 1e308 made a 175 KB CSV, over the
// reader's 128 KiB) made whole jams, exports and research exports unreadable. Every stored row must
// read back under today's rules, so each one that does not is repaired once, the way the importer's
// --repair does (clip sizes and positions, trim to 5 s and 2,000 touches). Pages of rows keep memory flat.
package db.migration;

import microjam.performance.InvalidValue;
import microjam.performance.Repair;
import microjam.performance.TouchCsv;
import microjam.performance.Touches;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

public class V6__repair_unreadable_touches extends BaseJavaMigration {
    private static final int PAGE = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String after = "";
        while (true) {
            Map<String, String> page = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, touches FROM performance WHERE id > ? ORDER BY id LIMIT " + PAGE)) {
                select.setString(1, after);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) page.put(rs.getString(1), rs.getString(2));
                }
            }
            if (page.isEmpty()) return;
            for (var row : page.entrySet()) if (!readable(row.getValue())) repair(connection, row.getKey(), row.getValue());
            after = page.keySet().stream().reduce((a, b) -> b).orElseThrow();
        }
    }

    private static boolean readable(String csv) {
        try {
            TouchCsv.read(csv);
            return true;
        } catch (InvalidValue e) {
            return false;
        }
    }

    private static void repair(Connection connection, String id, String csv) throws SQLException {
        Touches touches;
        try {
            touches = Repair.repair(csv).touches();
        } catch (InvalidValue noHeader) {
            touches = Touches.NONE;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE performance SET touches = ?, touch_count = ?, duration = ? WHERE id = ?")) {
            update.setString(1, TouchCsv.write(touches));
            update.setInt(2, touches.size());
            update.setDouble(3, touches.duration());
            update.setString(4, id);
            update.executeUpdate();
        }
    }
}
