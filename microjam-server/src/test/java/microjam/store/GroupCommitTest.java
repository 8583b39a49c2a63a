// Uploads share commits under load (on SQLite; PostgreSQL groups commits itself), yet each one stands
// alone: a write that fails (a reply to a performance that is gone) fails by itself, and every write
// that returned is there afterwards.
package microjam.store;

import microjam.performance.Colour;
import microjam.performance.Instrument;
import microjam.performance.NewPerformance;
import microjam.performance.StageName;
import microjam.performance.TouchCsv;
import microjam.testing.Api;
import microjam.testing.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {
    @ParameterizedTest
    @EnumSource(Engine.class)
    void concurrentWritesCommitTogetherAndFailAlone(Engine engine) throws Exception {
        try (Database db = engine.openFresh()) {
            PerformerStore performers = new PerformerStore(db);
            PerformanceStore performances = new PerformanceStore(db);
            UUID ada = ((PerformerStore.Creation.Created) performers.create(new StageName("ada"), new Colour("#112233"), "1.0")).performer().id();
            UUID nowhere = TimeOrderedIds.next();
            List<Future<PerformanceStore.Publication>> results = new ArrayList<>();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 200; i++) {
                    UUID replyTo = i % 5 == 0 ? nowhere : null;
                    NewPerformance p = new NewPerformance(Instrument.KEYS, new Colour("#ff8800"), null, replyTo,
                            TouchCsv.read(Api.sampleCsv(10 + i % 50)));
                    results.add(pool.submit(() -> performances.publish(ada, p)));
                }
            }
            int published = 0, refused = 0;
            for (var result : results) {
                switch (result.get()) {
                    case PerformanceStore.Publication.Published(var p, var csv) -> {
                        published++;
                        assertThat(performances.csv(p.id())).as("returned, so committed").contains(TouchCsv.write(p.touches()));
                    }
                    case PerformanceStore.Publication.ReplyTargetMissing() -> refused++;
                    case PerformanceStore.Publication.JamFull() -> throw new AssertionError("no jam here is that deep");
                }
            }
            assertThat(published).isEqualTo(160);
            assertThat(refused).isEqualTo(40);
            assertThat(performances.all()).hasSize(160);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aWriteThatThrowsIsRolledBackWithoutTakingOthersWithIt(Engine engine) throws Exception {
        try (Database db = engine.openFresh()) {
            PerformerStore performers = new PerformerStore(db);
            UUID ada = ((PerformerStore.Creation.Created) performers.create(new StageName("ada"), new Colour("#112233"), "1.0")).performer().id();
            List<Future<Integer>> results = new ArrayList<>();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 50; i++) {
                    String colour = String.format("#0000%02x", i);
                    boolean fails = i % 7 == 3;
                    results.add(pool.submit(() -> db.writeGrouped(h -> {
                        int changed = h.createUpdate("UPDATE performer SET colour = :c WHERE id = :id")
                                .bind("c", colour).bind("id", ada.toString()).execute();
                        if (fails) throw new IllegalStateException("refused " + colour);
                        return changed;
                    })));
                }
            }
            for (int i = 0; i < 50; i++) {
                var result = results.get(i);
                if (i % 7 == 3) assertThatThrownBy(result::get).hasRootCauseMessage("refused " + String.format("#0000%02x", i));
                else assertThat(result.get()).isEqualTo(1);
            }
            String last = performers.find(ada).orElseThrow().colour().hex();
            assertThat(Integer.parseInt(last.substring(5), 16) % 7).as("the colour left is from a write that succeeded").isNotEqualTo(3);
        }
    }
}
