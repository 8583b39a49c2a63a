// RoboJam over HTTP, anonymous by construction: these handlers never read a token or a cookie, never
// touch the database, and never log the call or the response. The one exception is keep, which a
// signed-in performer calls to publish a RoboJam answer as a reply (by RoboJam, marked as the AI's).
//   POST /api/predict   {"perf": CSV} -> {"response": CSV}   (the original RoboJam server's format)
//   POST /api/robojam   {"touches", "temperature"?, "sigmaTemperature"?, "seed"?, "candidates"?, "instrument"?} -> {"touches", "model", "millis"}
// Each answered request adds only to anonymous counters (day, instrument, model, sizes, latency).
//   GET  /api/robojam   whether a model is loaded, and which (with its file, for RoboJam on the device)
//   GET  /robojam/models/{digest}.model   the loaded model's file, for the browser's RoboJam (immutable: named by its digest)
//   POST /api/robojam/keep  {"replyTo", "touches", "seed", "instrument", temperatures?, "candidates"?, "model"?} -> 201 the published layer
// Every call is read, checked (and for keep, its token and replyTo) before RoboJam does anything; RoboJam
// then refuses it at once past its budget of work (503, Retry-After), and it is cancelled when its client
// closes the connection or its deadline passes (503, Retry-After): nobody's work runs for nobody.
package microjam.web;

import io.javalin.http.Context;
import microjam.performance.Instrument;
import microjam.performance.InvalidValue;
import microjam.performance.Performer;
import microjam.performance.TouchCsv;
import microjam.performance.TouchCsvException;
import microjam.performance.Touches;
import microjam.research.UsageCounters;
import microjam.robojam.ModelFile;
import microjam.robojam.RoboJam;
import microjam.robojam.Settings;
import microjam.store.TimeOrderedIds;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

final class RoboJamRoutes {
    record Predict(String perf) {
    }

    record PredictAnswer(String response) {
    }

    record Request(String touches, Double temperature, Double sigmaTemperature, Long seed, Integer candidates, String instrument) {
    }

    record Answer(String touches, String model, long millis) {
    }

    record Keep(String replyTo, String touches, Double temperature, Double sigmaTemperature, Long seed, Integer candidates, String instrument, String model) {
    }

    private static final SecureRandom SEEDS = new SecureRandom();
    private final RoboJam robojam; // null when no model is loaded
    private final Keeper keeper;
    private final UsageCounters usage;
    private final Metrics metrics;

    /** Publishes a kept RoboJam layer as a reply by the built-in RoboJam performer. */
    interface Keeper {
        /** Who keeps the layer (401 without a valid token), checked with its reply target (404 if missing) before RoboJam draws it. */
        Performer keeper(Context ctx, UUID replyTo);

        void keep(Context ctx, Performer keeper, UUID replyTo, Instrument instrument, Touches response);
    }

    /** Seconds a client is asked to wait after RoboJam was too busy: the budget of work in flight drains within seconds. */
    static final int RETRY_AFTER_SECONDS = 2;
    /** Nginx's status for a request whose client closed the connection first: nobody reads it, but the access log and metrics say why. */
    static final int CLIENT_CLOSED_REQUEST = 499;

    private final Duration deadline;
    /** The loaded model as a model file, for the browser, and its path (named by its bytes' digest); null without a model. */
    private final byte[] modelFile;
    private final String modelFilePath;

    RoboJamRoutes(RoboJam robojam, Keeper keeper, UsageCounters usage, Metrics metrics, Duration deadline) {
        this.metrics = metrics;
        this.robojam = robojam;
        this.keeper = keeper;
        this.usage = usage;
        this.deadline = deadline;
        this.modelFile = robojam == null ? null : ModelFile.encode(robojam.model());
        this.modelFilePath = robojam == null ? null : MODEL_FILES + ETags.sha256Hex(modelFile, 16) + ".model";
    }

    /** Where the browser finds model files (RoboJam on the device). */
    static final String MODEL_FILES = "/robojam/models/";

    /** GET /robojam/models/{file}: the loaded model's file; any other name is 404 (a model no longer served). */
    void modelFile(Context ctx) {
        if (modelFile == null || !ctx.path().equals(modelFilePath)) throw ApiError.noSuchRoute();
        // Named by its digest, it never changes: the browser may keep it (the service worker does, for offline).
        ctx.header("Cache-Control", "public, max-age=31536000, immutable").contentType("application/octet-stream").result(modelFile);
    }

    void status(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("available", robojam != null);
        if (robojam == null) {
            body.put("reason", unavailable());
        } else {
            var m = robojam.model();
            body.put("model", m.name());
            body.put("data", m.data());
            body.put("layers", m.shape().layers());
            body.put("units", m.shape().units());
            body.put("mixtures", m.shape().mixtures());
            body.put("sampling", m.recommended()); // what a call without settings gets
            // RoboJam on the device: the browser loads this file into the same core compiled to WebAssembly (/robojam/robojam.wasm).
            body.put("modelFile", modelFilePath);
            body.put("modelFileBytes", modelFile.length);
        }
        ctx.header("Cache-Control", "no-store").json(body);
    }

    void predict(Context ctx) {
        RoboJam model = require();
        Predict request = Bodies.anyJson(ctx, Predict.class); // the original's clients: any Content-Type
        if (request.perf() == null) throw new InvalidValue("perf", "perf is required: the call as microjam CSV");
        Touches call = read("perf", request.perf());
        RoboJam.Answer answer = draw(ctx, model, call, model.model().recommended().withSeed(SEEDS.nextLong()));
        Touches response = answer.touches();
        usage.record(null, model.model().name(), call.size(), response.size(), answer.millis());
        metrics.robojam(answer.millis());
        ctx.header("Cache-Control", "no-store").json(new PredictAnswer(TouchCsv.write(response)));
    }

    void respond(Context ctx) {
        RoboJam model = require();
        Request request = Bodies.json(ctx, Request.class);
        if (request.touches() == null) throw new InvalidValue("touches", "touches is required: the call as microjam CSV");
        Touches call = read("touches", request.touches());
        Instrument instrument = request.instrument() == null ? null : Instrument.parse(request.instrument());
        Settings settings = settings(model, request.temperature(), request.sigmaTemperature(), request.seed() == null ? SEEDS.nextLong() : request.seed(), request.candidates());
        RoboJam.Answer answer = draw(ctx, model, call, settings);
        usage.record(instrument == null ? null : instrument.wireName(), model.model().name(), call.size(), answer.touches().size(), answer.millis());
        metrics.robojam(answer.millis());
        ctx.header("Cache-Control", "no-store")
                .json(new Answer(TouchCsv.write(answer.touches()), model.model().name(), Math.round(answer.millis())));
    }

    /**
     * POST /api/robojam/keep: the performer who asked keeps a RoboJam answer. The server generates it
     * again from the same call, settings and seed, so a RoboJam layer is always RoboJam's own work.
     */
    void keep(Context ctx) {
        RoboJam model = require();
        Keep request = Bodies.json(ctx, Keep.class);
        UUID replyTo = TimeOrderedIds.parseOrNull(request.replyTo());
        if (replyTo == null) throw new InvalidValue("replyTo", "replyTo must be the id of the performance RoboJam answered");
        if (request.touches() == null) throw new InvalidValue("touches", "touches is required: the call RoboJam answered");
        if (request.seed() == null) throw new InvalidValue("seed", "seed is required: the seed of the answer to keep");
        // An answer made on the device names its model: another model would draw another answer than the one heard.
        if (request.model() != null && !request.model().equals(model.model().name()))
            throw new ApiError(409, "model", "RoboJam's model has changed since this answer was made; ask RoboJam again");
        Settings settings = settings(model, request.temperature(), request.sigmaTemperature(), request.seed(), request.candidates());
        Touches call = read("touches", request.touches());
        Instrument instrument = Instrument.parse(request.instrument());
        Performer performer = keeper.keeper(ctx, replyTo);
        keeper.keep(ctx, performer, replyTo, instrument, draw(ctx, model, call, settings).touches());
    }

    /**
     * RoboJam's answer to a checked call: refused at once when RoboJam is at its budget, cancelled when the
     * client closes the connection or the deadline passes; the client watch is closed before any answer is written.
     */
    private RoboJam.Answer draw(Context ctx, RoboJam model, Touches call, Settings settings) {
        RoboJam.Pending pending;
        try {
            pending = model.start(call, settings);
        } catch (RoboJam.Busy busy) {
            throw retryLater("RoboJam is busy with other calls; try again in " + RETRY_AFTER_SECONDS + " s");
        }
        try (ClientWatch ignored = ClientWatch.start(ctx, pending::cancel)) {
            return pending.await(deadline);
        } catch (TimeoutException late) {
            throw retryLater("RoboJam took longer than " + seconds(deadline) + " s to answer; try again in " + RETRY_AFTER_SECONDS + " s");
        } catch (CancellationException clientGone) {
            throw new ApiError(CLIENT_CLOSED_REQUEST, null, "the client closed the connection before RoboJam answered");
        } catch (InterruptedException e) { // await has cancelled the call
            Thread.currentThread().interrupt();
            throw new ApiError(503, null, "the server is stopping");
        }
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
    }

    private static ApiError retryLater(String message) {
        return ApiError.unavailable(message, RETRY_AFTER_SECONDS);
    }

    /** A request's settings; an absent field takes the model's recommendation (Sampling); the original's are Sampling.ORIGINAL. */
    private static Settings settings(RoboJam model, Double temperature, Double sigmaTemperature, long seed, Integer candidates) {
        return model.model().recommended().or(temperature, sigmaTemperature, candidates).withSeed(seed);
    }

    private RoboJam require() {
        if (robojam == null) throw new ApiError(503, null, unavailable());
        return robojam;
    }

    private static String unavailable() {
        return "RoboJam is unavailable: this server has no model loaded (start it with --robojam-model FILE)";
    }

    private static Touches read(String field, String csv) {
        try {
            return TouchCsv.read(csv);
        } catch (TouchCsvException e) {
            throw new InvalidValue(field, field + ": " + e.getMessage());
        }
    }
}
