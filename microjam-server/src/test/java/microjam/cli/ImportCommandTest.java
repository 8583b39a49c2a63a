// microjam import: valid files become performances of a new performer; bad ones are refused with
// their reason, or repaired with --repair and each change listed; usage errors are one line.
package microjam.cli;

import microjam.store.Database;
import microjam.store.FeedQuery;
import microjam.store.PerformanceStore;
import microjam.testing.Engine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandTest {
    Path dir;
    String url;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void files() throws IOException {
        dir = Files.createTempDirectory("microjam-import");
        url = Engine.SQLITE.freshUrl(dir);
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a-good.csv"), "time,x,y,z,moving\n0.000000, 0.1, 0.2, 0.000000, 0\n0.100000, 0.2, 0.2, 0.000000, 1\n");
        Files.writeString(in.resolve("b-long.csv"), "time,x,y,z,moving\n0.0, 0.1, 0.2, 0, 0\n4.0, 0.2, 0.2, 0, 1\n7.5, 0.2, 0.2, 0, 1\n");
        Files.writeString(in.resolve("c-outside.csv"), "time,x,y,z,moving\n0.0, 1.05, 0.2, 0, 0\n");
        Files.writeString(in.resolve("d-garbage.csv"), "hello\n");
        Files.writeString(in.resolve("notes.txt"), "not a performance");
    }

    @Test
    void importsValidFilesAndSaysWhyOthersWereRejected() {
        Run run = run("import", dir.resolve("in").toString(), "--stage-name", "Archive", "--instrument", "keys", "--database", url);
        assertThat(run.code()).isEqualTo(Main.FAILED);
        assertThat(run.out()).contains("rejected b-long.csv: line 4: time must be at most 5.0 s (was 7.5)")
                .contains("rejected c-outside.csv: line 2: x must be between 0 and 1 (was 1.05)")
                .contains("rejected d-garbage.csv: line 1: the first line must be the header")
                .contains("imported 1 of 4 files as performances of \"Archive\"")
                .contains("secret token");
        assertThat(run.err()).contains("importing [").contains("ETA");
        assertThat(performances()).isEqualTo(1);
    }

    @Test
    void repairTrimsAndClipsAndListsEachChange() {
        Run run = run("import", dir.resolve("in").toString(), "--stage-name", "Repaired", "--repair", "--database", url);
        assertThat(run.out()).contains("repaired b-long.csv: trimmed to 5.0 s: dropped 1 touch(es) after it")
                .contains("repaired c-outside.csv: clipped 1 position(s) into the square")
                .contains("rejected d-garbage.csv")
                .contains("imported 3 of 4 files");
        assertThat(performances()).isEqualTo(3);
    }

    @Test
    void nothingIsWrittenWhenNoFileIsAccepted() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("x.csv"), "nope\n");
        Run run = run("import", bad.toString(), "--stage-name", "Nobody", "--database", url);
        assertThat(run.code()).isEqualTo(Main.FAILED);
        assertThat(run.out()).contains("imported 0 of 1 files");
        try (Database db = Database.open(url)) {
            int performers = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM performer").mapTo(Integer.class).one());
            assertThat(performers).isZero();
        }
    }

    @Test
    void theImporterKeepsToTheStageNameRulesOfSignUp() {
        // A fresh database has no RoboJam row yet (the server makes it on start): the name is reserved anyway.
        for (String disguise : List.of("RoboJam", "RoboJ\u0430m", "R\u043EboJam", "\uFF32\uFF4F\uFF42\uFF4F\uFF2A\uFF41\uFF4D", "RoboJam\u00A0")) {
            Run run = run("import", dir.resolve("in").toString(), "--stage-name", disguise, "--database", url);
            assertThat(run.code()).as(disguise + ": " + run.out()).isEqualTo(Main.FAILED);
            assertThat(run.err()).as(disguise).contains("RoboJam").doesNotContain("secret token");
        }
        Run invisible = run("import", dir.resolve("in").toString(), "--stage-name", "Robo\u200BJam", "--database", url);
        assertThat(invisible.code()).isEqualTo(Main.FAILED);
        assertThat(invisible.err()).contains("U+200B");
        assertThat(performers()).as("no performer was created").isZero();

        assertThat(run("import", dir.resolve("in").toString(), "--stage-name", "alice", "--database", url).out()).contains("imported 1 of 4");
        Run lookAlike = run("import", dir.resolve("in").toString(), "--stage-name", "\u0430lice", "--database", url);
        assertThat(lookAlike.code()).isEqualTo(Main.FAILED);
        assertThat(lookAlike.err()).contains("alice").contains("taken");
        assertThat(performers()).isEqualTo(1);
    }

    @Test
    void usageErrorsAreOneReadableLine() {
        Run missingName = run("import", dir.toString());
        assertThat(missingName.code()).isEqualTo(Main.USAGE);
        assertThat(missingName.err().strip()).startsWith("microjam: Missing required option: '--stage-name=NAME'").doesNotContain("\n");
        Run badInstrument = run("import", dir.resolve("in").toString(), "--stage-name", "X", "--instrument", "kazoo", "--database", url);
        assertThat(badInstrument.code()).isEqualTo(Main.FAILED);
        assertThat(badInstrument.err().strip()).isEqualTo("microjam: instrument must be one of: chirp, keys, drums, strings, quack, wub, pad, fmlead, leadguitar");
        Run noDir = run("import", dir.resolve("missing").toString(), "--stage-name", "X", "--database", url);
        assertThat(noDir.err().strip()).startsWith("microjam: not a directory");
        Run unknown = run("serve", "--port", "eighty");
        assertThat(unknown.code()).isEqualTo(Main.USAGE);
        assertThat(unknown.err().strip()).contains("--port").doesNotContain("\n");
    }

    @Test
    void importsTheOriginalAppsCorpusWithRepair() {
        Path corpus = SharedData.microjam();
        Assumptions.assumeTrue(corpus != null, "skipped: ../shared/data/microjam is not here (the team's shared data)");
        Run strict = run("import", corpus.toString(), "--stage-name", "Strict", "--database", url);
        Run repaired = run("import", corpus.toString(), "--stage-name", "Corpus", "--repair", "--database", url);
        assertThat(repaired.out()).contains("imported 1254 of 1254 files");
        String summary = strict.out().lines().filter(l -> l.startsWith("imported")).findFirst().orElseThrow();
        int imported = Integer.parseInt(summary.split(" ")[1]);
        assertThat(imported).as("about a third of the corpus breaks today's rules").isBetween(780, 900);
    }

    private int performers() {
        try (Database db = Database.open(url)) {
            return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM performer").mapTo(Integer.class).one());
        }
    }

    private int performances() {
        try (Database db = Database.open(url)) {
            return new PerformanceStore(db).feed(new FeedQuery(100, null, null, null, false)).items().size();
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
