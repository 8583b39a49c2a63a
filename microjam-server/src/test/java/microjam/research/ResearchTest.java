// The research capability: features of hand-built performances, the statistics against values
// computed by hand here, the report (only groups of enough performances and performers, exact numbers,
// one family of tests) and the export (deleted performances never in it) from a seeded database.
package microjam.research;

import microjam.cli.MainAccess;
import microjam.performance.Colour;
import microjam.performance.Features;
import microjam.performance.Instrument;
import microjam.performance.NewPerformance;
import microjam.performance.Performance;
import microjam.performance.StageName;
import microjam.performance.TouchCsv;
import microjam.robojam.ModelFile;
import microjam.store.Database;
import microjam.store.PerformanceStore;
import microjam.performance.Performer;
import microjam.store.PerformerStore;
import microjam.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** Five performers; drums and strings from four of them, keys from two, chirp one each: see {@link #seed}. */
    @Test
    void theReportPublishesOnlyGroupsOfEnoughPerformancesAndPerformersAtFullPrecisionWithOneFamilyOfTests(@TempDir Path dir) throws Exception {
        String url = Database.sqliteUrl(dir.resolve("m.db"));
        List<Performance> all;
        try (Database db = Database.open(url)) {
            seed(db);
            all = new PerformanceStore(db).all();
        }
        Path model = dir.resolve("model.mjm");
        ModelFile.write(TestServer.MODEL, model);
        Path report = dir.resolve("report");
        assertThat(MainAccess.run("research", "compare", "--by", "instrument", "--out", report.toString(), "--database", url,
                "--robojam-calls", "12", "--robojam-model", model.toString())).isZero();

        String html = Files.readString(report.resolve("index.html"));
        for (String section : List.of("summary", "kruskal-wallis", "pairs", "box-plots", "heat-maps", "robojam", "tests"))
            assertThat(html).contains("id=\"" + section + "\"");
        assertThat(html).contains("keys: suppressed, fewer than " + Disclosure.MIN_PERFORMERS + " performers")
                .contains("chirp: suppressed, fewer than " + Disclosure.MIN_PERFORMANCES + " performances");
        for (String f : Features.NAMES) assertThat(report.resolve("boxplot-" + f + ".png")).isNotEmptyFile();
        for (String i : List.of("drums", "strings")) assertThat(report.resolve("heatmap-" + i + ".png")).isNotEmptyFile();
        for (String i : List.of("keys", "chirp")) assertThat(report.resolve("heatmap-" + i + ".png")).doesNotExist();
        assertThat(report.resolve("features.csv")).as("no row of one performance in a published report").doesNotExist();

        // Every summary covers at least k performances, and its numbers are the exact doubles (they round-trip).
        List<String[]> summary = Files.readAllLines(report.resolve("summary.csv")).stream().skip(1).map(l -> l.split(",")).toList();
        assertThat(summary).isNotEmpty().allSatisfy(row -> assertThat(Integer.parseInt(row[2])).isGreaterThanOrEqualTo(Disclosure.MIN_PERFORMANCES));
        assertThat(summary.stream().map(row -> row[0]).distinct()).containsExactlyInAnyOrder("drums", "strings", "robojam-calls", "robojam-responses");
        for (String[] row : summary) {
            if (row[0].startsWith("robojam")) continue;
            double[] values = all.stream().filter(p -> p.instrument().wireName().equals(row[0]))
                    .mapToDouble(p -> Features.of(p.touches()).get(row[1])).toArray();
            double[] expected = InstrumentComparison.summary(values);
            assertThat(new double[]{Double.parseDouble(row[3]), Double.parseDouble(row[4]), Double.parseDouble(row[5])})
                    .as("%s %s", row[0], row[1]).containsExactly(expected);
        }

        // One family: Holm's correction over every test the report makes, whatever its section.
        List<String[]> tests = Files.readAllLines(report.resolve("tests.csv")).stream().skip(1).map(l -> l.split(",")).toList();
        assertThat(tests.stream().map(t -> t[0]).distinct()).containsExactlyInAnyOrder("kruskal-wallis", "mann-whitney", "wilcoxon");
        double[] p = tests.stream().mapToDouble(t -> Double.parseDouble(t[5])).toArray();
        double[] holm = tests.stream().mapToDouble(t -> Double.parseDouble(t[6])).toArray();
        assertThat(holm).containsExactly(Statistics.holm(p));
        assertThat(tests.stream().filter(t -> t[0].equals("wilcoxon"))).isNotEmpty()
                .allSatisfy(t -> assertThat(t[2]).isEqualTo("robojam-responses;robojam-calls"));
    }

    @Test
    void theExportHoldsEveryPublicPerformanceNoDeletedOneAndFeaturesThatRoundTrip(@TempDir Path dir) throws Exception {
        String url = Database.sqliteUrl(dir.resolve("m.db"));
        UUID deleted;
        try (Database db = Database.open(url)) {
            seed(db);
            Performance last = new PerformanceStore(db).all().getLast();
            deleted = last.id();
            new PerformanceStore(db).delete(deleted, last.performerId());
        }
        assertThat(MainAccess.run("research", "export", "--out", dir.resolve("export").toString(), "--database", url)).isZero();
        Path export = dir.resolve("export");
        List<String> metadata = Files.readAllLines(export.resolve("metadata.csv"));
        assertThat(metadata).hasSize(1 + SEEDED - 1);
        assertThat(String.join("\n", metadata)).doesNotContain(deleted.toString()).doesNotContain("Ada");
        try (var files = Files.list(export.resolve("performances"))) {
            assertThat(files.count()).isEqualTo(SEEDED - 1);
        }
        assertThat(MainAccess.run("research", "export", "--out", dir.resolve("again").toString(), "--database", url)).isZero();
        // Every row's performer number, compared as a whole: one number alone matches the last export's once in
        // 65,536 × performers runs (a 16-bit random suffix), all of them together practically never.
        java.util.function.Function<List<String>, List<String>> performerNumbers = rows -> rows.stream().skip(1).map(r -> r.split(",")[2]).toList();
        assertThat(performerNumbers.apply(Files.readAllLines(dir.resolve("again").resolve("metadata.csv"))))
                .as("performer numbers are random per export").isNotEqualTo(performerNumbers.apply(metadata));

        // Per-performance features are for researchers, in the export only: each value is the exact double.
        List<String> features = Files.readAllLines(export.resolve("features.csv"));
        assertThat(features.getFirst()).isEqualTo("performance," + String.join(",", Features.NAMES));
        assertThat(features).hasSize(1 + SEEDED - 1);
        for (String line : features.subList(1, features.size())) {
            String[] row = line.split(",");
            Map<String, Double> expected = Features.of(TouchCsv.read(Files.readString(export.resolve("performances").resolve(row[0] + ".csv"))));
            for (int i = 0; i < Features.NAMES.size(); i++)
                assertThat(Double.parseDouble(row[i + 1])).as("%s of %s", Features.NAMES.get(i), row[0]).isEqualTo(expected.get(Features.NAMES.get(i)));
        }
        assertThat(Files.readString(export.resolve("README.txt"))).contains("cannot be recalled");
    }

    @Test
    void aKeptRoboJamLayerCountsAsItsKeepersNotAsAnotherPerformer() throws Exception {
        try (Database db = microjam.testing.Engine.SQLITE.openFresh()) {
            PerformerStore performers = new PerformerStore(db);
            PerformanceStore store = new PerformanceStore(db);
            Performer ada = ((PerformerStore.Creation.Created) performers.create(new StageName("Ada"), new Colour("#ffffff"))).performer();
            Performer bo = ((PerformerStore.Creation.Created) performers.create(new StageName("Bo"), new Colour("#ffffff"))).performer();
            Performer robojam = performers.robojam();
            java.util.Random random = new java.util.Random(5);
            for (int i = 0; i < 4; i++) publish(store, ada, Instrument.DRUMS, random);
            for (int i = 0; i < 3; i++) publish(store, bo, Instrument.DRUMS, random);
            for (int i = 0; i < 3; i++) // layers RoboJam published because Ada kept them
                store.publish(robojam.id(), new NewPerformance(Instrument.DRUMS, new Colour("#f44708"), null, null,
                        TouchCsv.read("time,x,y,z,moving\n0.0, 0.5, 0.5, 0, 0\n0.5, 0.2, 0.3, 0, 0\n")), ada.id());
            InstrumentComparison c = InstrumentComparison.of(store.allOwned());
            assertThat(c.suppressed()).containsEntry(Instrument.DRUMS, "fewer than " + Disclosure.MIN_PERFORMERS + " performers");
        }
    }

    @Test
    void compareSaysWhereTheServerShowsTheReport() {
        String help = MainAccess.output("research", "compare", "--help");
        assertThat(help).contains("/research-report/").doesNotContainPattern(" /research(?![-\\w])");
    }

    static final int SEEDED = 12 + 12 + 12 + 5;

    /**
     * Performers take turns (so RoboJam's first twelve calls come from several people): drums and strings,
     * 12 each from Ada, Bo, Cy and Di; keys, 12 from Ada and Bo only; chirp, one from each of the five.
     */
    static void seed(Database db) {
        PerformerStore performers = new PerformerStore(db);
        PerformanceStore store = new PerformanceStore(db);
        List<Performer> people = new java.util.ArrayList<>();
        for (String name : List.of("Ada", "Bo", "Cy", "Di", "Ed"))
            people.add(((PerformerStore.Creation.Created) performers.create(new StageName(name), new Colour("#ffffff"))).performer());
        java.util.Random random = new java.util.Random(3);
        for (int round = 0; round < 6; round++)
            for (int who = 0; who < 4; who++) {
                if (round < 3) {
                    publish(store, people.get(who), Instrument.DRUMS, random);
                    publish(store, people.get(who), Instrument.STRINGS, random);
                }
                if (who < 2) publish(store, people.get(who), Instrument.KEYS, random);
            }
        for (Performer p : people) publish(store, p, Instrument.CHIRP, random);
    }

    private static void publish(PerformanceStore store, Performer performer, Instrument instrument, java.util.Random random) {
        boolean taps = instrument == Instrument.DRUMS;
        StringBuilder csv = new StringBuilder("time,x,y,z,moving\n");
        int n = 10 + random.nextInt(40) + (taps ? 0 : 30);
        for (int k = 0; k < n; k++)
            csv.append(String.format(Locale.ROOT, "%f, %f, %f, 0, %d%n", k * 0.05 + random.nextDouble() * 0.01, random.nextDouble(),
                    taps ? random.nextDouble() : 0.3 + 0.1 * random.nextDouble(), taps || k % 10 == 0 ? 0 : 1));
        store.publish(performer.id(), new NewPerformance(instrument, new Colour("#ff0000"), null, null, TouchCsv.read(csv.toString())));
    }
}
