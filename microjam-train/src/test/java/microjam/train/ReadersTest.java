// Readers turn Metatone logs and microjam performances into sessions of [x, y, dt]: normalised,
// clipped, one per device (whose name is dropped), deleted performances never among them.
package microjam.train;

import microjam.performance.Colour;
import microjam.performance.Instrument;
import microjam.performance.NewPerformance;
import microjam.performance.StageName;
import microjam.performance.TouchCsv;
import microjam.robojam.LogDt;
import microjam.robojam.PerformanceStart;
import microjam.robojam.PerformanceStyle;
import microjam.store.Database;
import microjam.store.PerformanceStore;
import microjam.performance.Performer;
import microjam.store.PerformerStore;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReadersTest {
    @Test
    void metatoneLogsBecomeOneAnonymousSessionPerDevice() throws Exception {
        Path file = Files.createTempDirectory("metatone").resolve("2013-01-01-session.csv");
        Files.writeString(file, """
                time,device,x_pos,y_pos,velocity
                2013-04-20T14:58:52.000000,alice,512,384,0
                2013-04-20T14:58:52.500000,bob,1024,-3,0
                2013-04-20T14:58:52.600000,alice,600,384,12.5
                2013-04-20T14:59:10.000000,alice,0,768,0
                """);
        List<Session> sessions = MetatoneReader.read(file);
        assertThat(sessions).extracting(Session::id).containsExactly("2013-01-01-session.csv#1", "2013-01-01-session.csv#2");
        assertThat(sessions.toString()).doesNotContain("alice").doesNotContain("bob");
        Session first = sessions.get(0);
        assertThat(first.touches()[0]).containsExactly(0.5f, 0.5f, 0f);
        assertThat(first.touches()[1][0]).isCloseTo(600 / 1024f, within(1e-6f));
        assertThat(first.touches()[1][2]).as("dt since the same device's touch").isCloseTo(0.6f, within(1e-6f));
        assertThat(first.touches()[2][2]).as("a long pause is clipped to 5 s").isEqualTo(5f);
        assertThat(first.moving()).containsExactly(false, true, false);
        assertThat(sessions.get(1).touches()[0]).as("off-screen y clipped").containsExactly(1f, 0f, 0f);
    }

    @Test
    void microjamFilesAreClippedAndCanBeLimitedToAList() throws Exception {
        Path dir = Files.createTempDirectory("microjam");
        Files.writeString(dir.resolve("a.csv"), "time,x,y,z,moving\n0.0, 1.05, 0.5, 0, 0\n0.1, 0.5, -0.2, 0, 1\n9.0, 0.5, 0.5, 0, 0\n");
        Files.writeString(dir.resolve("b.csv"), "time,x,y,z,moving\n0.0, 0.1, 0.1, 0, 0\n0.2, 0.2, 0.2, 0, 1\n");
        Files.writeString(dir.resolve("list.txt"), "# licensed\na.csv\n");
        List<Session> all = MicrojamReader.directory(dir, null);
        assertThat(all).extracting(Session::id).containsExactly("a.csv", "b.csv");
        Session a = all.get(0);
        assertThat(a.touches()[0]).containsExactly(1f, 0.5f, 0f);
        assertThat(a.touches()[1][1]).isZero();
        assertThat(a.touches()[2][2]).as("dt clipped to 5 s").isEqualTo(5f);
        assertThat(a.moving()).containsExactly(false, true, false);
        assertThat(MicrojamReader.directory(dir, MicrojamReader.list(dir.resolve("list.txt")))).extracting(Session::id).containsExactly("a.csv");
    }

    @Test
    void theDatabaseReaderSeesPublicPerformancesAndNeverDeletedOnes() throws Exception {
        String url = Database.sqliteUrl(Files.createTempDirectory("db").resolve("m.db"));
        UUID kept, deleted;
        try (Database db = Database.open(url)) {
            PerformerStore performers = new PerformerStore(db);
            PerformanceStore performances = new PerformanceStore(db);
            Performer ada = ((PerformerStore.Creation.Created) performers.create(new StageName("Ada"), new Colour("#ffffff"))).performer();
            String csv = "time,x,y,z,moving\n0.0, 0.1, 0.1, 0, 0\n0.2, 0.2, 0.2, 0, 1\n0.3, 0.3, 0.3, 0, 1\n";
            NewPerformance p = new NewPerformance(Instrument.KEYS, new Colour("#ffffff"), null, null, TouchCsv.read(csv));
            kept = ((PerformanceStore.Publication.Published) performances.publish(ada.id(), p)).performance().id();
            deleted = ((PerformanceStore.Publication.Published) performances.publish(ada.id(), p)).performance().id();
            performances.delete(deleted, ada.id());
        }
        List<Session> sessions = MicrojamReader.database(url);
        assertThat(sessions).extracting(Session::id).containsExactly(kept.toString());
        assertThat(sessions.get(0).touches()[2]).containsExactly(0.3f, 0.3f, 0.1f);
    }

    /** Session s has x = s / 20 throughout, so a window's x values tell which sessions it spans. */
    private static List<Session> twentySessionsOfThirtyTouches() {
        List<Session> sessions = new java.util.ArrayList<>();
        for (int s = 0; s < 20; s++) {
            float[][] t = new float[30][];
            for (int i = 0; i < 30; i++) t[i] = new float[]{s / 20f, i / 30f, 0.01f};
            sessions.add(new Session("s" + s, t, new boolean[30]));
        }
        return sessions;
    }

    @Test
    void theSplitIsBySessionFixedBySeedAndWindowsStayInsideSessions() {
        List<Session> sessions = twentySessionsOfThirtyTouches();
        Split split = Split.of(sessions, 0.2, 7);
        assertThat(split.validation()).hasSize(4);
        assertThat(Split.of(sessions, 0.2, 7).validationIds()).isEqualTo(split.validationIds());
        assertThat(Split.of(sessions, 0.2, 8).validationIds()).isNotEqualTo(split.validationIds());
        Set<String> validation = Set.copyOf(split.validationIds());
        assertThat(split.training()).noneMatch(s -> validation.contains(s.id()));
        Windows windows = Windows.of(split.training(), 10);
        assertThat(windows.list()).allSatisfy(w -> assertThat(java.util.Arrays.stream(w).map(t -> t[0]).distinct().count())
                .as("a window never mixes sessions").isEqualTo(1));
        assertThat(windows.size()).as("half-overlapping windows of 11 in 30 touches: 4 per session").isEqualTo(16 * 4);
    }

    @Test
    void streamWindowsRunFromOnePerformanceIntoAnotherInASeededOrder() {
        List<Session> sessions = twentySessionsOfThirtyTouches();
        Windows windows = Windows.stream(sessions, 50, 3, false, 0);
        assertThat(windows.size()).as("half-overlapping windows of 51 in 600 touches").isEqualTo(22);
        assertThat(windows.list()).allSatisfy(w -> assertThat(w.length).isEqualTo(51));
        assertThat(windows.list()).as("every window spans the end of one performance and the start of another")
                .allSatisfy(w -> assertThat(java.util.Arrays.stream(w).map(t -> t[0]).distinct().count()).isGreaterThan(1));
        java.util.function.Function<Windows, List<Float>> firstTouches = ws -> ws.list().stream().map(w -> w[0][0]).toList();
        assertThat(firstTouches.apply(Windows.stream(sessions, 50, 3, false, 0))).isEqualTo(firstTouches.apply(windows));
        assertThat(firstTouches.apply(Windows.stream(sessions, 50, 4, false, 0))).as("another seed, another order").isNotEqualTo(firstTouches.apply(windows));
    }

    @Test
    void balancingRepeatsPerformancesShorterThanTheMedianSoEachWeighsAboutAsMuchAndLeavesTheRestAlone() {
        List<Session> sessions = new java.util.ArrayList<>();
        for (int length : new int[]{10, 25, 100, 100, 100, 300, 400}) sessions.add(new Session("n" + length, new float[length][3], new boolean[length]));
        List<Session> balanced = Windows.balanced(sessions, 8);
        java.util.Map<String, Long> copies = balanced.stream().collect(java.util.stream.Collectors.groupingBy(Session::id, java.util.stream.Collectors.counting()));
        assertThat(copies).as("median 100: 100/25 = 4 copies, 100/10 = 10 capped at 8, the rest once")
                .containsEntry("n10", 8L).containsEntry("n25", 4L).containsEntry("n100", 3L).containsEntry("n300", 1L).containsEntry("n400", 1L);
        assertThat(Windows.balanced(sessions, 1)).as("1: off").isEqualTo(sessions);
        assertThat(Windows.stream(balanced, 50, 3, false, 0).size()).as("the copies are training rows too")
                .isGreaterThan(Windows.stream(sessions, 50, 3, false, 0).size());
    }

    @Test
    void logDtTargetsCarryTheNextGapAsUWhileInputsAndStartStepsStayAsTheyAre() {
        Windows windows = Windows.stream(twentySessionsOfThirtyTouches(), 50, 3, true, 0);
        int[] all = java.util.stream.IntStream.range(0, windows.size()).toArray();
        float scale = 10;
        microjam.robojam.Contract plain = microjam.robojam.Contract.plain(scale);
        float[] inputs = windows.inputs(all, 0, all.length, plain), linear = windows.targets(all, 0, all.length, plain),
                log = windows.targets(all, 0, all.length, plain.withDt(microjam.robojam.Contract.Dt.LOG));
        for (int w = 0; w < windows.size(); w++) {
            float[][] rows = windows.list().get(w);
            for (int t = 0; t < 50; t++) {
                int i = (w * 50 + t) * 3;
                for (int d = 0; d < 3; d++) {
                    assertThat(inputs[i + d]).isEqualTo(rows[t][d] * scale);
                    assertThat(linear[i + d]).isEqualTo(rows[t + 1][d] * scale);
                }
                assertThat(log[i]).isEqualTo(linear[i]);
                assertThat(log[i + 1]).isEqualTo(linear[i + 1]);
                float expected = PerformanceStart.is(rows[t + 1]) ? PerformanceStart.DT * scale : (float) (LogDt.toLog(rows[t + 1][2]) * scale);
                assertThat(log[i + 2]).as("dt target %d in window %d", t, w).isEqualTo(expected);
            }
        }
    }

    @Test
    void inTheStreamEachPerformanceBeginsWithAStartStepThatIsNeverATarget() {
        Windows windows = Windows.stream(twentySessionsOfThirtyTouches(), 50, 3, true, 0);
        assertThat(windows.size()).as("half-overlapping windows of 51 in 600 touches and 20 start steps").isEqualTo(23);
        int[] all = java.util.stream.IntStream.range(0, windows.size()).toArray();
        float[] weights = windows.weights(all, 0, all.length);
        for (int w = 0; w < windows.size(); w++) {
            float[][] rows = windows.list().get(w);
            for (int t = 0; t < 50; t++) {
                boolean start = PerformanceStart.is(rows[t + 1]);
                assertThat(weights[w * 50 + t]).as("weight of target %d in window %d", t, w).isEqualTo(start ? 0f : 1f);
                if (start) {
                    assertThat(rows[t + 1]).containsExactly(PerformanceStart.X, PerformanceStart.Y, PerformanceStart.DT);
                    if (t + 2 <= 50) assertThat(rows[t + 2][1]).as("a performance's first touch follows its start step").isZero();
                }
                if (rows[t + 1][1] == 0 && !start) assertThat(PerformanceStart.is(rows[t])).as("before each first touch, a start step").isTrue();
            }
        }
        assertThat(windows.list().getFirst()[0]).as("the stream opens with a start step").containsExactly(-1f, -1f, -1f);
        assertThat(Windows.stream(twentySessionsOfThirtyTouches(), 50, 3, false, 0).list()).as("nor does a stream without them")
                .allSatisfy(w -> assertThat(java.util.Arrays.stream(w).noneMatch(PerformanceStart::is)).isTrue());
        assertThat(Windows.of(twentySessionsOfThirtyTouches(), 10).list()).as("windows inside one session have no start steps")
                .allSatisfy(w -> assertThat(java.util.Arrays.stream(w).noneMatch(PerformanceStart::is)).isTrue());
    }

    @Test
    void styledRowsCarryTheirPerformancesStyleCodesAfterTouchesTheTrainerReadsAsRoboJamDoes() {
        Random random = new Random(5);
        List<Session> sessions = new java.util.ArrayList<>();
        for (int s = 0; s < 20; s++) {
            StringBuilder csv = new StringBuilder("time,x,y,z,moving\n");
            double time = 0, rate = 5 + 50 * random.nextDouble();
            for (int i = 0; i < 30; i++, time += 1 / rate)
                csv.append(String.format(Locale.ROOT, "%.4f,%.3f,%.3f,1,%d%n", time, random.nextDouble(), random.nextDouble(), random.nextInt(3) == 0 ? 0 : 1));
            Session session = MicrojamReader.parse("s" + s, csv.toString());
            PerformanceStyle read = PerformanceStyle.of(TouchCsv.read(csv.toString()));
            assertThat(session.style().rate()).as("the trainer reads the style RoboJam reads off a call").isCloseTo(read.rate(), within(1e-3 * read.rate()));
            assertThat(session.style().moving()).isEqualTo(read.moving());
            assertThat(session.style().spread()).isCloseTo(read.spread(), within(1e-6));
            sessions.add(session);
        }
        Map<List<Float>, Session> byTouch = new java.util.HashMap<>();
        for (Session session : sessions) for (float[] t : session.touches()) byTouch.put(List.of(t[0], t[1], t[2]), session);
        Windows windows = Windows.stream(sessions, 50, 3, true, microjam.robojam.PerformanceStyle.CODES);
        int starts = 0;
        for (float[][] rows : windows.list())
            for (int t = 0; t < rows.length; t++) {
                assertThat(rows[t]).hasSize(6);
                float[] codes = java.util.Arrays.copyOfRange(rows[t], 3, 6);
                if (PerformanceStart.is(rows[t])) {
                    starts++;
                    assertThat(java.util.Arrays.copyOf(rows[t], 3)).containsExactly(PerformanceStart.X, PerformanceStart.Y, PerformanceStart.DT);
                    if (t + 1 < rows.length) assertThat(codes).as("a start step carries the style of the performance it starts")
                            .containsExactly(java.util.Arrays.copyOfRange(rows[t + 1], 3, 6));
                } else {
                    Session owner = byTouch.get(List.of(rows[t][0], rows[t][1], rows[t][2]));
                    assertThat(codes).as("each touch carries its own performance's style").containsExactly(owner.style().codes());
                }
            }
        assertThat(starts).as("start steps seen across the windows").isGreaterThan(20);
        int[] first = {0};
        float[] inputs = windows.inputs(first, 0, 1, microjam.robojam.Contract.plain(10f));
        assertThat(inputs).hasSize(50 * 6);
        float[] row = windows.list().getFirst()[1];
        assertThat(java.util.Arrays.copyOfRange(inputs, 6, 12)).as("[x, y, dt] scaled, the codes as they are")
                .containsExactly(row[0] * 10, row[1] * 10, row[2] * 10, row[3], row[4], row[5]);
        assertThat(windows.targets(first, 0, 1, microjam.robojam.Contract.plain(10f))).as("targets stay [x, y, dt]").hasSize(50 * 3);
        assertThat(Windows.of(sessions, 10, microjam.robojam.PerformanceStyle.CODES).list()).allSatisfy(w -> assertThat(java.util.Arrays.stream(w).mapToInt(r -> r.length).distinct()).containsExactly(6));
        assertThat(Windows.stream(sessions, 50, 3, true, 0).list()).as("without style, rows are [x, y, dt]")
                .allSatisfy(w -> assertThat(java.util.Arrays.stream(w).mapToInt(r -> r.length).distinct()).containsExactly(3));
    }
}
