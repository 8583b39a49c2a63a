// The research capability: features of hand-built performances, the statistics against values
// computed by hand here, and the export and the report from a seeded database (deleted performances
// never in them).
package microjam.research;

import microjam.cli.MainAccess;
import microjam.performance.Colour;
import microjam.performance.Instrument;
import microjam.performance.NewPerformance;
import microjam.performance.StageName;
import microjam.performance.TouchCsv;
import microjam.performance.Touches;
import microjam.store.Database;
import microjam.store.PerformanceStore;
import microjam.store.Performer;
import microjam.store.PerformerStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResearchTest {
    @Test
    void featuresOfAHandBuiltPerformance() {
        // a tap at the top-left, a swipe of two moves right (0.1 each, 0.1 s each), a tap at the bottom-right
        Touches t = TouchCsv.read("""
                time,x,y,z,moving
                0.0, 0.05, 0.05, 0, 0
                1.0, 0.5, 0.5, 0, 0
                1.1, 0.6, 0.5, 0, 1
                1.2, 0.7, 0.5, 0, 1
                2.0, 0.95, 0.95, 0, 0
                """);
        Map<String, Double> f = Features.of(t);
        assertThat(f.get("touches")).isEqualTo(5);
        assertThat(f.get("duration")).isEqualTo(2.0);
        assertThat(f.get("touches_per_second")).isEqualTo(2.5);
        assertThat(f.get("fraction_moving")).isCloseTo(0.4, within(1e-12));
        assertThat(f.get("swipes")).isEqualTo(1);
        assertThat(f.get("mean_swipe_length")).isCloseTo(0.2, within(1e-12));
        assertThat(f.get("mean_speed")).isCloseTo(1.0, within(1e-9));
        assertThat(f.get("coverage")).isCloseTo(4 / 64.0, within(1e-12));
        assertThat(f.get("mean_x")).isCloseTo(0.56, within(1e-12));
        assertThat(f.get("ioi_mean")).isCloseTo(1.0, within(1e-12));
        assertThat(f.get("ioi_sd")).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void statisticsMatchHandComputedValues() {
        // Kruskal–Wallis, three groups of two: ranks sum to 3, 7, 11; H = 12/42 · 89.5 − 21 = 4.5714;
        // two degrees of freedom, so p = exp(−H/2) = 0.10170.
        Statistics.Test kw = Statistics.kruskalWallis(List.of(new double[]{1, 2}, new double[]{3, 4}, new double[]{5, 6}));
        assertThat(kw.statistic()).isCloseTo(4.571428571, within(1e-8));
        assertThat(kw.p()).isCloseTo(Math.exp(-4.571428571 / 2), within(1e-9));
        // With ties: {1,1,2} vs {2,3,3}: ranks 1.5,1.5,3.5 | 3.5,5.5,5.5; H = 12/42·(6.5²/3 + 14.5²/3) − 21 = 3.047619,
        // tie correction 1 − 3·(2³−2)/(6³−6) = 0.914286: H = 10/3.
        assertThat(Statistics.kruskalWallis(List.of(new double[]{1, 1, 2}, new double[]{2, 3, 3})).statistic()).isCloseTo(10 / 3.0, within(1e-9));
        // Mann–Whitney: x entirely below y, n = m = 2: U = 0, exact two-sided p = 2 / C(4, 2) = 1/3.
        Statistics.Test mw = Statistics.mannWhitney(new double[]{1, 2}, new double[]{3, 4});
        assertThat(mw.statistic()).isZero();
        assertThat(mw.p()).isCloseTo(1 / 3.0, within(1e-12));
        // Cliff's delta: x = {1,2,3}, y = {2,2,4}: 2 pairs greater, 5 less, of 9.
        assertThat(Statistics.cliffsDelta(new double[]{1, 2, 3}, new double[]{2, 2, 4})).isCloseTo(-1 / 3.0, within(1e-12));
        // Holm: 0.01·3 = 0.03, 0.03·2 = 0.06, max(0.06, 0.04·1) = 0.06.
        assertThat(Statistics.holm(new double[]{0.01, 0.04, 0.03})).containsExactly(0.03, 0.06, 0.06);
    }

    @Test
    void theExportAndTheReportHoldEveryPublicPerformanceAndNoDeletedOne() throws Exception {
        Path dir = Files.createTempDirectory("research");
        String url = Database.sqliteUrl(dir.resolve("m.db"));
        UUID deleted;
        try (Database db = Database.open(url)) {
            PerformerStore performers = new PerformerStore(db);
            PerformanceStore store = new PerformanceStore(db);
            Performer ada = ((PerformerStore.Creation.Created) performers.create(new StageName("Ada"), new Colour("#ffffff"))).performer();
            java.util.Random random = new java.util.Random(3);
            UUID previous = null;
            for (int i = 0; i < 24; i++) {
                Instrument instrument = i % 3 == 0 ? Instrument.DRUMS : i % 3 == 1 ? Instrument.KEYS : Instrument.CHIRP;
                StringBuilder csv = new StringBuilder("time,x,y,z,moving\n");
                int n = 10 + random.nextInt(40) + (instrument == Instrument.DRUMS ? 0 : 30);
                for (int k = 0; k < n; k++)
                    csv.append(String.format(Locale.ROOT, "%f, %f, %f, 0, %d%n", k * 0.05, random.nextDouble(), instrument == Instrument.DRUMS ? random.nextDouble() : 0.3 + 0.1 * random.nextDouble(),
                            instrument == Instrument.DRUMS || k % 10 == 0 ? 0 : 1));
                var p = ((PerformanceStore.Publication.Published) store.publish(ada.id(),
                        new NewPerformance(instrument, new Colour("#ff0000"), null, i % 5 == 4 ? previous : null, TouchCsv.read(csv.toString())))).performance();
                previous = p.id();
            }
            deleted = previous;
            store.delete(deleted, ada.id());
        }
        assertThat(MainAccess.run("research", "export", "--out", dir.resolve("export").toString(), "--database", url)).isZero();
        List<String> metadata = Files.readAllLines(dir.resolve("export").resolve("metadata.csv"));
        assertThat(metadata).hasSize(24); // header and the 23 left
        assertThat(String.join("\n", metadata)).doesNotContain(deleted.toString()).doesNotContain("Ada");
        assertThat(Files.list(dir.resolve("export").resolve("performances")).count()).isEqualTo(23);
        assertThat(MainAccess.run("research", "export", "--out", dir.resolve("again").toString(), "--database", url)).isZero();
        assertThat(Files.readAllLines(dir.resolve("again").resolve("metadata.csv")).get(1).split(",")[2])
                .as("performer numbers are random per export").isNotEqualTo(metadata.get(1).split(",")[2]);

        Path report = dir.resolve("report");
        assertThat(MainAccess.run("research", "compare", "--by", "instrument", "--out", report.toString(), "--database", url,
                "--robojam-calls", "5")).isZero();
        String html = Files.readString(report.resolve("index.html"));
        for (String section : List.of("summary", "kruskal-wallis", "drums-vs-keys", "box-plots", "heat-maps", "robojam"))
            assertThat(html).contains("id=\"" + section + "\"");
        for (String f : Features.NAMES) assertThat(report.resolve("boxplot-" + f + ".png")).isNotEmptyFile();
        for (String i : List.of("drums", "keys", "chirp")) assertThat(report.resolve("heatmap-" + i + ".png")).isNotEmptyFile();
        assertThat(Files.readAllLines(report.resolve("features.csv"))).hasSize(24);
        assertThat(Files.readAllLines(report.resolve("pairwise.csv"))).hasSize(1 + 3 * Features.NAMES.size());
        assertThat(Files.readString(report.resolve("kruskal-wallis.csv"))).contains("touches,");
    }
}
