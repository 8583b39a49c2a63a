// RoboJam over HTTP, anonymous by construction: these handlers never read a token or a cookie, never
// touch the database, and never log the call or the response.
//   POST /api/predict   {"perf": CSV} -> {"response": CSV}   (the original RoboJam server's format)
//   POST /api/robojam   {"touches", "temperature"?, "sigmaTemperature"?, "seed"?} -> {"touches", "model", "millis"}
//   GET  /api/robojam   whether a model is loaded, and which
package microjam.web;

import io.javalin.http.Context;
import microjam.performance.TouchCsv;
import microjam.performance.Touches;
import microjam.robojam.RoboJam;
import microjam.robojam.Settings;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

final class RoboJamRoutes {
    record Predict(String perf) {
    }

    record PredictAnswer(String response) {
    }

    record Request(String touches, Double temperature, Double sigmaTemperature, Long seed) {
    }

    record Answer(String touches, String model, long millis) {
    }

    private static final SecureRandom SEEDS = new SecureRandom();
    private final RoboJam robojam; // null when no model is loaded

    RoboJamRoutes(RoboJam robojam) {
        this.robojam = robojam;
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
        }
        ctx.header("Cache-Control", "no-store").json(body);
    }

    void predict(Context ctx) {
        RoboJam model = require();
        Predict request = Bodies.json(ctx, Predict.class);
        if (request.perf() == null) throw ApiError.badRequest("perf", "perf is required: the call as microjam CSV");
        Touches call = read("perf", request.perf());
        Touches response = model.respond(call, Settings.defaults(SEEDS.nextLong())).touches();
        ctx.header("Cache-Control", "no-store").json(new PredictAnswer(TouchCsv.write(response)));
    }

    void respond(Context ctx) {
        RoboJam model = require();
        Request request = Bodies.json(ctx, Request.class);
        if (request.touches() == null) throw ApiError.badRequest("touches", "touches is required: the call as microjam CSV");
        Touches call = read("touches", request.touches());
        Settings settings = new Settings(
                request.temperature() == null ? Settings.DEFAULT_TEMPERATURE : request.temperature(),
                request.sigmaTemperature() == null ? Settings.DEFAULT_SIGMA_TEMPERATURE : request.sigmaTemperature(),
                request.seed() == null ? SEEDS.nextLong() : request.seed());
        RoboJam.Answer answer = model.respond(call, settings);
        ctx.header("Cache-Control", "no-store")
                .json(new Answer(TouchCsv.write(answer.touches()), model.model().name(), Math.round(answer.millis())));
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
        } catch (microjam.performance.TouchCsvException e) {
            throw ApiError.badRequest(field, field + ": " + e.getMessage());
        }
    }
}
