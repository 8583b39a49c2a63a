// The data directory and what MicroJam keeps in it (the SQLite database with its -wal and -shm files,
// the self-signed keystore and its password) are the server user's alone: 0700 and 0600, whatever
// the umask. An older data directory with looser modes is tightened at start, with a notice in the log.
package microjam.store;

import microjam.testing.Api;
import microjam.testing.ServerProcess;
import microjam.web.Tls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class FilePermissionsTest {
    static final List<String> PRIVATE_FILES = List.of("microjam.db", "microjam.db-wal", "microjam.db-shm", "localhost.p12", "localhost.p12.password");

    @BeforeAll
    static void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "file modes are POSIX");
    }

    @Test
    void aNewDataDirectoryAndItsFilesAreTheOwnersAlone() throws IOException {
        Path dir = Files.createTempDirectory("microjam-modes").resolve("new").resolve("data");
        try (Database db = Database.open(Database.sqliteUrl(dir.resolve("microjam.db")))) { // migrated: its -wal and -shm exist while it is open
            Tls.selfSigned(dir);
            int performers = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM performer").mapTo(Integer.class).one());
            assertThat(performers).isZero();
            assertThat(mode(dir)).as("the data directory").isEqualTo("rwx------");
            for (String file : PRIVATE_FILES) assertThat(mode(dir.resolve(file))).as(file).isEqualTo("rw-------");
        }
        Path keystoreFirst = Files.createTempDirectory("microjam-modes").resolve("data");
        Tls.selfSigned(keystoreFirst);
        assertThat(mode(keystoreFirst)).as("a data directory the certificate made").isEqualTo("rwx------");
    }

    @Test
    void anOlderDataDirectoryIsTightenedAtStartWithANotice() throws Exception {
        Path dir = Files.createTempDirectory("microjam-modes").resolve("data");
        Files.createDirectories(dir);
        Tls.selfSigned(dir);
        Database.open(Database.sqliteUrl(dir.resolve("microjam.db"))).close();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String file : List.of("microjam.db", "localhost.p12", "localhost.p12.password"))
            Files.setPosixFilePermissions(dir.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));

        try (ServerProcess server = ServerProcess.start(dir)) {
            assertThat(Api.plain(server.base()).newPerformer()).isNotNull(); // a write: the -wal and -shm files are there
            assertThat(mode(dir)).as("the data directory").isEqualTo("rwx------");
            for (String file : PRIVATE_FILES) assertThat(mode(dir.resolve(file))).as(file).isEqualTo("rw-------");
        }
        assertThat(Files.readString(dir.resolve("server.log"))).contains("event=permissions_tightened");
    }

    static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
