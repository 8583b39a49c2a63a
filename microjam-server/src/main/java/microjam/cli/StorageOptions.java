// Where the data lives: a data directory (SQLite file, certificate) or a PostgreSQL JDBC URL.
package microjam.cli;

import microjam.store.Database;
import microjam.store.PrivateFiles;
import picocli.CommandLine.Option;

import java.nio.file.Path;

final class StorageOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./microjam-data",
            description = "Data directory: the SQLite file microjam.db and the self-signed certificate (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database", paramLabel = "JDBC-URL",
            description = "Database instead of the embedded SQLite file, e.g. jdbc:postgresql://localhost/microjam?user=mj&password=….")
    String databaseUrl;

    String jdbcUrl() {
        return embedded() ? Database.sqliteUrl(dataDir.resolve("microjam.db")) : databaseUrl.strip();
    }

    /** The embedded SQLite file in the data directory, rather than a database of the operator's. */
    private boolean embedded() {
        return databaseUrl == null || databaseUrl.isBlank();
    }

    /** What to tell the user about the database, without credentials that a URL may carry. */
    String describe() {
        String url = jdbcUrl();
        if (url.startsWith("jdbc:sqlite:")) return "SQLite " + url.substring("jdbc:sqlite:".length());
        int query = url.indexOf('?');
        return "PostgreSQL " + (query < 0 ? url : url.substring(0, query)).replaceAll("//[^@/]*@", "//");
    }

    Database open() {
        if (embedded()) PrivateFiles.directory(dataDir); // 0700: it holds the database
        return Database.open(jdbcUrl());
    }
}
