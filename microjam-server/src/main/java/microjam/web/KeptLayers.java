// Publishes a RoboJam answer that a performer chose to keep: as a reply by the built-in RoboJam
// performer (marked as the AI's), in RoboJam's colours, remembering who kept it.
package microjam.web;

import io.javalin.http.Context;
import microjam.performance.Instrument;
import microjam.performance.NewPerformance;
import microjam.performance.Performance;
import microjam.performance.Performer;
import microjam.performance.Touches;
import microjam.robojam.RoboJam;
import microjam.store.PerformanceStore;

import java.util.UUID;
import java.util.function.Function;

final class KeptLayers implements RoboJamRoutes.Keeper {
    private final PerformanceStore performances;
    private final Performer robot;
    private final Auth auth;
    private final Function<UUID, Views.PerformanceView> fullView; // a published performance as GET /api/performances/{id} shows it

    KeptLayers(PerformanceStore performances, Performer robot, Auth auth, Function<UUID, Views.PerformanceView> fullView) {
        this.performances = performances;
        this.robot = robot;
        this.auth = auth;
        this.fullView = fullView;
    }

    @Override
    public Performer keeper(Context ctx, UUID replyTo) {
        Performer keeper = auth.requireConsent(ctx); // keeping publishes: the current policy must be accepted
        int layers = performances.layers(replyTo); // checked before RoboJam draws, as publishing will check it again
        if (layers == 0) throw ApiError.replyToMissing();
        if (layers >= Performance.MAX_LAYERS) throw ApiError.jamFull();
        return keeper;
    }

    @Override
    public void keep(Context ctx, Performer keeper, UUID replyTo, Instrument instrument, Touches response) {
        NewPerformance layer = new NewPerformance(instrument, RoboJam.COLOUR, RoboJam.BACKGROUND, replyTo, response);
        switch (performances.publish(robot.id(), layer, keeper.id())) {
            case PerformanceStore.Publication.Published(var p, var csv) -> ctx.status(201).json(fullView.apply(p.id()));
            case PerformanceStore.Publication.ReplyTargetMissing() -> throw ApiError.replyToMissing(); // deleted while RoboJam drew
            case PerformanceStore.Publication.JamFull() -> throw ApiError.jamFull();
        }
    }
}
