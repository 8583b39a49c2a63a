// What MicroJam keeps on disk (the SQLite database with its -wal and -shm files, the self-signed
// keystore and its password) is the server user's alone: the data directory 0700, its files 0600,
// whatever the umask. New ones are created so; older ones with looser modes are tightened at start,
// with a notice. Where the file system has no POSIX modes, its own access rules apply.
package microjam.store;

import microjam.console.LogLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

public final class PrivateFiles {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

    /**
     * Makes dir (and any missing parents) with mode 0700, or tightens an existing one to 0700 with a
     * notice. A directory everyone may write to (such as /tmp) is left as it is, with a warning: its
     * mode is not ours to change, and the files in it are 0600 anyway.
     */
    public static void directory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                createDirectories(dir);
                return;
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir);
            if (mode.contains(PosixFilePermission.OTHERS_WRITE)) {
                LOG.warn("event=data_dir_shared path={} mode={} effect={}", LogLine.value(dir), PosixFilePermissions.toString(mode),
                        LogLine.value("left as it is; MicroJam's files in it are 0600, but give it a directory of its own"));
                return;
            }
            tighten(dir, mode, DIRECTORY);
        } catch (UnsupportedOperationException noPosixModes) {
            // the file system's own access rules apply
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Creates dir and its missing parents, each 0700 (where the file system has POSIX modes). */
    public static void createDirectories(Path dir) throws IOException {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } catch (UnsupportedOperationException noPosixModes) {
            Files.createDirectories(dir);
        }
    }

    /** Creates file, empty, with mode 0600 (where the file system has POSIX modes); an existing one is tightened. */
    public static void createFile(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException exists) {
            file(file);
        } catch (UnsupportedOperationException noPosixModes) {
            if (!Files.exists(file)) Files.createFile(file);
        }
    }

    /** Sets a file this process has just made (by a tool that heeds the umask) to 0600, quietly. */
    public static void restrictNew(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, FILE);
        } catch (UnsupportedOperationException noPosixModes) {
            // the file system's own access rules apply
        }
    }

    /** Tightens an existing file that others may reach to 0600, with a notice; a missing one is fine. */
    public static void file(Path file) {
        try {
            if (Files.isRegularFile(file)) tighten(file, Files.getPosixFilePermissions(file), FILE);
        } catch (UnsupportedOperationException noPosixModes) {
            // the file system's own access rules apply
        } catch (IOException unreadable) {
            // whoever opens it next says why
        }
    }

    // A path another user owns (say, given by the operator) cannot be changed by us: that is a warning, not a reason to stop.
    private static void tighten(Path path, Set<PosixFilePermission> mode, Set<PosixFilePermission> wanted) {
        if (mode.stream().noneMatch(OTHERS::contains)) return;
        try {
            Files.setPosixFilePermissions(path, wanted);
            LOG.info("event=permissions_tightened path={} was={} now={}", LogLine.value(path), PosixFilePermissions.toString(mode), PosixFilePermissions.toString(wanted));
        } catch (IOException e) {
            LOG.warn("event=permissions_not_tightened path={} mode={} cause={}", LogLine.value(path), PosixFilePermissions.toString(mode), LogLine.value(LogLine.cause(e)));
        }
    }
}
