// Performers: sign-up with a stage name (answers the secret token once), public profiles and avatars,
// and the signed-in performer's own profile, avatar, export and account deletion.
package microjam.web;

import io.javalin.http.Context;
import microjam.performance.Colour;
import microjam.performance.InvalidValue;
import microjam.performance.Performer;
import microjam.performance.StageName;
import microjam.store.PerformanceStore;
import microjam.store.PerformerStore;
import microjam.store.TimeOrderedIds;
import microjam.store.Tokens;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

final class PerformerRoutes {
    record NewPerformer(String stageName, String colour, Boolean age13OrOver, String acceptedPolicy) {
    }

    record ProfileChange(String stageName, String colour, String background, String acceptedPolicy) {
    }

    record Me(UUID id, String stageName, String colour, String background, Instant createdAt, String avatarUrl, String policyVersion) {
    }

    record Created(UUID id, String token, String stageName, String colour, String avatarUrl) {
    }

    private final PerformerStore performers;
    private final PerformanceStore performances;
    private final Pictures pictures;
    private final Auth auth;
    private final PrivacyPolicy policy;

    PerformerRoutes(PerformerStore performers, PerformanceStore performances, Pictures pictures, Auth auth, PrivacyPolicy policy) {
        this.policy = policy;
        this.performers = performers;
        this.performances = performances;
        this.pictures = pictures;
        this.auth = auth;
    }

    void create(Context ctx) {
        NewPerformer request = Bodies.json(ctx, NewPerformer.class);
        StageName name = new StageName(request.stageName());
        Colour colour = Colour.of(request.colour(), "colour");
        // Nothing is stored for a new performer before they confirm their age and accept the policy.
        if (!Boolean.TRUE.equals(request.age13OrOver()))
            throw new InvalidValue("age13OrOver", "age13OrOver must be true: MicroJam is for people 13 or older");
        requireCurrentPolicy(request.acceptedPolicy());
        switch (performers.create(name, colour, policy.version())) {
            case PerformerStore.Creation.Created(Performer p, String token) -> ctx.status(201)
                    .header("Location", "/api/performers/" + p.id())
                    .json(new Created(p.id(), token, p.stageName().value(), p.colour().hex(), Views.avatarUrl(p.id())));
            case PerformerStore.NameTaken(String lookAlike) -> throw nameTaken(name, lookAlike);
        }
    }

    private static ApiError nameTaken(StageName name, String lookAlike) {
        return new ApiError(409, "stageName", PerformerStore.nameTaken(name, lookAlike));
    }

    void show(Context ctx) {
        ETags.answer(ctx.contentType("application/json"), Json.write(Views.performer(performer(ctx))));
    }

    void avatar(Context ctx) {
        Performer p = performer(ctx);
        byte[] png = performers.avatar(p.id()).orElseGet(() -> Avatars.generated(p.id(), p.colour()));
        ETags.answer(ctx.contentType("image/png"), png);
    }

    void me(Context ctx) {
        Performer me = auth.require(ctx);
        ctx.header("Cache-Control", "no-store").json(new Me(me.id(), me.stageName().value(), me.colour().hex(), performers.background(me.id()).hex(), me.createdAt(),
                Views.avatarUrl(me.id()), performers.policyVersion(me.id()).orElse(null)));
    }

    private void requireCurrentPolicy(String accepted) {
        if (!policy.version().equals(accepted))
            throw new InvalidValue("acceptedPolicy", "acceptedPolicy must be the current privacy policy's version, " + policy.version());
    }

    void changeMe(Context ctx) {
        Performer me = auth.require(ctx);
        ProfileChange change = Bodies.json(ctx, ProfileChange.class);
        StageName name = change.stageName() == null ? null : new StageName(change.stageName());
        Colour colour = change.colour() == null ? null : Colour.of(change.colour(), "colour");
        Colour background = change.background() == null ? null : Colour.of(change.background(), "background");
        if (change.acceptedPolicy() != null) {
            requireCurrentPolicy(change.acceptedPolicy());
            performers.acceptPolicy(me.id(), policy.version());
        }
        if (name == null && colour == null && background == null) {
            if (change.acceptedPolicy() != null) {
                me(ctx);
                return;
            }
            throw new InvalidValue(null, "send stageName, colour, background and/or acceptedPolicy to change");
        }
        switch (performers.update(me.id(), name, colour, background)) {
            case PerformerStore.Change.Changed changed -> ctx.json(Views.performer(changed.performer()));
            case PerformerStore.NameTaken(String lookAlike) -> throw nameTaken(name, lookAlike);
        }
    }

    void changeAvatar(Context ctx) {
        Performer me = auth.require(ctx);
        String contentType = ctx.header("Content-Type"); // the header as sent: Avatars reads it strictly
        byte[] upload = Bodies.read(ctx, Bodies.AVATAR_LIMIT);
        performers.setAvatar(me.id(), Avatars.normalise(upload, contentType));
        ctx.json(Views.performer(me));
    }

    void export(Context ctx) {
        Performer me = auth.require(ctx);
        byte[] avatar = performers.avatar(me.id()).orElseGet(() -> Avatars.generated(me.id(), me.colour()));
        byte[] zip = Export.zip(me, performers.background(me.id()), performers.consent(me.id()), Tokens.hash(Auth.bearerToken(ctx)),
                avatar, performances.byPerformer(me.id()));
        ctx.contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"microjam-export.zip\"")
                .header("Cache-Control", "no-store")
                .result(zip);
    }

    void deleteMe(Context ctx) {
        Performer me = auth.require(ctx);
        List<UUID> removed = performers.deleteAccount(me.id());
        pictures.forgetAll(removed);
        ctx.status(204);
    }

    private Performer performer(Context ctx) {
        UUID id = TimeOrderedIds.parseOrNull(ctx.pathParam("id"));
        if (id == null) throw ApiError.notFound("performer");
        return performers.find(id).orElseThrow(() -> ApiError.notFound("performer"));
    }
}
