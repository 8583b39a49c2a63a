// Promise: no personal data. No column of the schema, on either engine, can hold a real name, an email,
// a phone number, a location, an address, a birth date or a password.
package microjam.store;

import microjam.testing.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaTest {
    static final List<String> PERSONAL = List.of("email", "mail", "phone", "real_name", "first_name", "last_name", "full_name",
            "location", "latitude", "longitude", "gps", "address", "ip", "birth", "age", "password", "device");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void noColumnHoldsPersonalData(Engine engine) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Database db = engine.openFresh(); Connection c = db.jdbi().open().getConnection()) {
            try (ResultSet rs = c.getMetaData().getColumns(null, null, "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT);
                    if (table.startsWith("flyway") || table.startsWith("pg_") || table.startsWith("sql_")) continue;
                    if (List.of("performer", "avatar", "performance", "robojam_usage", "research_basis").contains(table))
                        columns.add(table + "." + rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        assertThat(columns).contains("performer.stage_name", "performer.token_hash", "performer.policy_version", "performance.touches");
        for (String column : columns) {
            String name = column.substring(column.indexOf('.') + 1);
            for (String word : PERSONAL)
                assertThat(List.of(name.split("_"))).as(column).doesNotContain(word);
            assertThat(name).as(column).doesNotContain("email").doesNotContain("phone").doesNotContain("password");
        }
    }
}
