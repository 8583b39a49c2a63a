// Every row of every MicroJam table, to show that a request left the database exactly as it was.
package microjam.testing;

import microjam.store.Database;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public final class DatabaseSnapshot {
    public static final List<String> TABLES = List.of("performer", "avatar", "performance");

    private DatabaseSnapshot() {
    }

    private static String describe(Map<String, Object> row) {
        Map<String, Object> sorted = new TreeMap<>();
        row.forEach((k, v) -> sorted.put(k, v instanceof byte[] bytes ? java.util.Base64.getEncoder().encodeToString(bytes) : v));
        return sorted.toString();
    }

    public static Map<String, List<String>> of(Database database) {
        Map<String, List<String>> tables = new TreeMap<>();
        database.jdbi().useHandle(h -> {
            for (String table : TABLES)
                tables.put(table, h.createQuery("SELECT * FROM " + table).mapToMap().stream()
                        .map(DatabaseSnapshot::describe).sorted().toList());
        });
        return tables;
    }
}
