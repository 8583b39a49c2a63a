// Performances: publish (optionally as a reply), the feed, one performance with its layers, its
// replies, its CSV and picture, and deletion by its performer.
package microjam.web;

import io.javalin.http.Context;
import microjam.performance.Colour;
import microjam.performance.Instrument;
import microjam.performance.InvalidValue;
import microjam.performance.NewPerformance;
import microjam.performance.Performance;
import microjam.performance.Performer;
import microjam.performance.TouchCsv;
import microjam.store.FeedQuery;
import microjam.store.PerformanceCard;
import microjam.store.PerformanceStore;
import microjam.store.TimeOrderedIds;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

final class PerformanceRoutes {
    record Submission(String instrument, String colour, String background, String replyTo, String touches) {
    }

    private final PerformanceStore performances;
    private final Pictures pictures;
    private final Auth auth;
    private final FeedCache feedCache;

    PerformanceRoutes(PerformanceStore performances, Pictures pictures, Auth auth, FeedCache feedCache) {
        this.performances = performances;
        this.pictures = pictures;
        this.auth = auth;
        this.feedCache = feedCache;
    }

    void publish(Context ctx) {
        Performer me = auth.requireConsent(ctx);
        Submission s = Bodies.json(ctx, Submission.class);
        UUID replyTo = null;
        if (s.replyTo() != null) {
            replyTo = TimeOrderedIds.parseOrNull(s.replyTo());
            if (replyTo == null) throw new InvalidValue("replyTo", "replyTo must be a performance id");
        }
        if (s.touches() == null) throw new InvalidValue("touches", "touches is required: the performance as microjam CSV");
        NewPerformance submitted = new NewPerformance(Instrument.parse(s.instrument()), Colour.of(s.colour(), "colour"),
                s.background() == null ? null : Colour.of(s.background(), "background"), replyTo, TouchCsv.read(s.touches()));
        switch (performances.publish(me.id(), submitted)) {
            case PerformanceStore.Publication.Published(Performance p, String csv) ->
                    ctx.status(201).header("Location", "/api/performances/" + p.id()).json(p.replyTo() == null ? firstLayer(me, p, csv) : full(p.id()));
            case PerformanceStore.Publication.ReplyTargetMissing() ->
                    throw ApiError.replyToMissing();
            case PerformanceStore.Publication.JamFull() -> throw ApiError.jamFull();
        }
    }

    void feed(Context ctx) {
        int limit = intParam(ctx, "limit", FeedQuery.DEFAULT_LIMIT);
        UUID before = idParam(ctx, "before");
        String instrumentName = ctx.queryParam("instrument");
        Instrument instrument = instrumentName == null || instrumentName.isEmpty() ? null : Instrument.parse(instrumentName);
        UUID performer = idParam(ctx, "performer");
        String view = ctx.queryParamAsClass("view", String.class).getOrDefault("jams");
        if (!view.equals("jams") && !view.equals("all")) throw new InvalidValue("view", "view must be jams or all");
        FeedQuery query = new FeedQuery(limit, before, instrument, performer, view.equals("jams"));
        ETags.Tagged page = feedCache.page(query, () -> {
            FeedQuery.Page found = performances.feed(query);
            return ctx.jsonMapper().toJsonString(new Views.FeedView(found.items().stream().map(Views::card).toList(),
                    found.nextCursor() == null ? null : found.nextCursor().toString()), Views.FeedView.class);
        });
        ETags.answer(ctx.contentType("application/json"), page);
    }

    /** GET /api/performances/{ref}: ref is an id, or an id with .csv, .png or .mid. */
    void show(Context ctx) {
        String ref = ctx.pathParam("ref");
        if (ref.endsWith(".csv")) csv(ctx, pathId(ref.substring(0, ref.length() - 4)));
        else if (ref.endsWith(".png")) picture(ctx, pathId(ref.substring(0, ref.length() - 4)));
        else if (ref.endsWith(".mid")) midi(ctx, pathId(ref.substring(0, ref.length() - 4)));
        else ETags.answer(ctx.contentType("application/json"), Json.write(full(pathId(ref))));
    }

    void replies(Context ctx) {
        UUID id = pathId(ctx.pathParam("id"));
        if (performances.card(id).isEmpty()) throw ApiError.notFound("performance");
        ctx.json(performances.replies(id).stream().map(Views::card).toList());
    }

    void delete(Context ctx) {
        Performer me = auth.require(ctx);
        UUID id = pathId(ctx.pathParam("id"));
        switch (performances.delete(id, me.id())) {
            case PerformanceStore.Deletion.Deleted() -> {
                pictures.forget(id);
                ctx.status(204);
            }
            case PerformanceStore.Deletion.NotFound() -> throw ApiError.notFound("performance");
            case PerformanceStore.Deletion.NotYours() ->
                    throw new ApiError(403, null, "only the performer who published a performance may delete it");
        }
    }

    private void csv(Context ctx, UUID id) {
        String csv = performances.csv(id).orElseThrow(() -> ApiError.notFound("performance"));
        ETags.answer(ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "inline; filename=\"" + id + ".csv\""),
                csv.getBytes(StandardCharsets.UTF_8));
    }

    private void midi(Context ctx, UUID id) {
        List<Performance> chain = performances.chain(id);
        if (chain.isEmpty()) throw ApiError.notFound("performance");
        ETags.answer(ctx.contentType("audio/midi").header("Content-Disposition", "attachment; filename=\"microjam-" + id + ".mid\""),
                MidiFile.write(chain));
    }

    private void picture(Context ctx, UUID id) {
        ETags.Tagged png = pictures.of(id, () -> performances.find(id).orElseThrow(() -> ApiError.notFound("performance")));
        ETags.answer(ctx.contentType("image/png"), png);
    }

    /**
     * A performance that starts a jam, answered from what is in hand rather than read back (three queries
     * fewer per upload, issue 20): no replies yet, one layer, its performer's name as they signed in.
     */
    private static Views.PerformanceView firstLayer(Performer me, Performance p, String csv) {
        PerformanceCard card = new PerformanceCard(p.id(), me.id(), me.stageName().value(), p.instrument(), p.colour(), p.background(),
                p.createdAt(), null, p.touches().size(), p.touches().duration(), 0, 1, false);
        return Views.full(card, List.of(Views.layer(card, csv)));
    }

    Views.PerformanceView full(UUID id) {
        List<Performance> chain = performances.chain(id);
        if (chain.isEmpty()) throw ApiError.notFound("performance");
        Map<UUID, PerformanceCard> cards = performances.cards(chain.stream().map(Performance::id).toList()).stream()
                .collect(Collectors.toMap(PerformanceCard::id, Function.identity()));
        List<Views.LayerView> layers = new ArrayList<>(chain.size());
        for (Performance p : chain) {
            PerformanceCard card = cards.get(p.id());
            if (card != null) layers.add(Views.layer(card, TouchCsv.write(p.touches()))); // a layer deleted meanwhile is simply absent
        }
        PerformanceCard self = cards.get(id);
        if (self == null) throw ApiError.notFound("performance");
        return Views.full(self, layers);
    }

    private static UUID pathId(String text) {
        UUID id = TimeOrderedIds.parseOrNull(text);
        if (id == null) throw ApiError.notFound("performance");
        return id;
    }

    private static UUID idParam(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) return null;
        UUID id = TimeOrderedIds.parseOrNull(text);
        if (id == null) throw new InvalidValue(name, name + " must be an id as given by the API");
        return id;
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String text = ctx.queryParam(name);
        if (text == null || text.isEmpty()) return fallback;
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidValue(name, name + " must be a whole number");
        }
    }
}
