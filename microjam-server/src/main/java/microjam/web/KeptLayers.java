// Publishes a RoboJam answer that a performer chose to keep: as a reply by the built-in RoboJam
// performer (marked as the AI's), in RoboJam's colours, remembering who kept it.
package microjam.web;

import io.javalin.http.Context;
import microjam.performance.Instrument;
import microjam.performance.NewPerformance;
import microjam.performance.Touches;
import microjam.robojam.RoboJam;
import microjam.store.PerformanceStore;
import microjam.store.Performer;

import java.util.UUID;

final class KeptLayers implements RoboJamRoutes.Keeper {
    private final PerformanceStore performances;
    private final Performer robot;
    private final Auth auth;
    private final PerformanceRoutes views;

    KeptLayers(PerformanceStore performances, Performer robot, Auth auth, PerformanceRoutes views) {
        this.performances = performances;
        this.robot = robot;
        this.auth = auth;
        this.views = views;
    }

    @Override
    public Performer keeper(Context ctx, UUID replyTo) {
        Performer keeper = auth.requireConsent(ctx); // keeping publishes: the current policy must be accepted
        int layers = performances.layers(replyTo); // checked before RoboJam draws, as publishing will check it again
        if (layers == 0) throw PerformanceRoutes.replyToMissing();
        if (layers >= microjam.performance.Performance.MAX_LAYERS) throw PerformanceRoutes.jamFull();
        return keeper;
    }

    @Override
    public void keep(Context ctx, Performer keeper, UUID replyTo, Instrument instrument, Touches response) {
        NewPerformance layer = new NewPerformance(instrument, RoboJam.COLOUR, RoboJam.BACKGROUND, replyTo, response);
        switch (performances.publish(robot.id(), layer, keeper.id())) {
            case PerformanceStore.Publication.Published(var p) -> ctx.status(201).json(views.full(p.id()));
            case PerformanceStore.Publication.ReplyTargetMissing() -> throw PerformanceRoutes.replyToMissing(); // deleted while RoboJam drew
            case PerformanceStore.Publication.JamFull() -> throw PerformanceRoutes.jamFull();
        }
    }
}
