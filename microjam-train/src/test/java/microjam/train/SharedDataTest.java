// The team's real data reads as expected (skipped with a message where ../shared/data is missing).
package microjam.train;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SharedDataTest {
    static Path shared() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate.resolve("microjam")) && Files.isDirectory(candidate.resolve("metatone"))) return candidate;
        }
        return null;
    }

    @Test
    void theCc0CorpusAndTheMetatoneLogsRead() {
        Path data = shared();
        Assumptions.assumeTrue(data != null, "skipped: ../shared/data (the team's shared data) is not here");
        List<Session> cc0 = MicrojamReader.directory(data.resolve("microjam"), MicrojamReader.list(data.resolve("microjam").resolve("cc0.txt")));
        assertThat(cc0.size()).as("CC0 performances with at least two touches").isBetween(1200, 1231);
        for (Session s : cc0)
            for (float[] t : s.touches()) {
                assertThat(t[0]).isBetween(0f, 1f);
                assertThat(t[2]).isBetween(0f, 5f);
            }
        List<Session> metatone = Sources.read(List.of(data.resolve("metatone")), null, null);
        assertThat(metatone).as("31 performer-sessions").hasSize(31);
        assertThat(metatone.stream().mapToInt(Session::length).sum()).isEqualTo(402_758);
    }
}
