// What a model means, beside its weights: how a touch becomes an input row, how a draw from the head
// becomes a touch, what a style-conditioned model reads for an empty call, and how the model is best
// sampled. Serving (Response), teacher forcing and evaluation, the trainer's windows and its loss all ask
// this record, so each formula is written here once:
//   input row   [clip(x, 0, 1), clip(y, 0, 1), clip(dt, 0, 5)] · scale  (then any style codes, unscaled)
//   start step  [−1, −1, −1] · scale, before the call and before the answer, when startSteps (PerformanceStart)
//   dt output   the head's third dimension is dt · scale, or, for Dt.LOG, u(dt) · scale (LogDt)
//   a draw      x, y = clip(drawn / scale, 0, 1); dt = clip(dt(drawn), 1 ms, 5 s)
//   σ           ELU(raw) + 1 + ε, ε = 1e-7: the head's scales, always positive (the loss writes it as NDArrays,
//               with this ε, and the trainer's parity test holds it to this one)
//   weights     float32, or bfloat16: stored and streamed as bfloat16, widened to float32 in the kernel (Precision)
// A model file of version 2 keeps these as typed header keys (Key); version 1 kept them as free-form
// meta.* entries, which ModelFile lifts into this record (fromVersion1).
package microjam.robojam;

import microjam.performance.InvalidValue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

public record Contract(float scale, boolean startSteps, Dt dt, PerformanceStyle defaultStyle, Sampling sampling, Precision weights) {
    /** What the head's third dimension predicts. */
    public enum Dt {
        LINEAR, LOG;

        String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final double MIN_DT = 0.001, MAX_DT = 5.0;
    /** The head's scales never fall below this. */
    public static final float SIGMA_EPSILON = 1e-7f;

    /** The header keys of a version-2 file that carry the contract; every one a reader must understand. */
    public enum Key {
        SCALE("scale"), START_STEPS("input.start-steps", "input.performance-start"), DT("output.dt"), DEFAULT_STYLE("input.style.default"),
        TEMPERATURE("sampling.temperature"), SIGMA_TEMPERATURE("sampling.sigma-temperature"), CANDIDATES("sampling.candidates"), WEIGHTS("weights");

        public final String header;
        /** Its name as a version-1 metadata entry (without "meta."). */
        final String version1;

        Key(String header) {
            this(header, header);
        }

        Key(String header, String version1) {
            this.header = header;
            this.version1 = version1;
        }

        static boolean known(String header) {
            for (Key k : values()) if (k.header.equals(header)) return true;
            return false;
        }

        static boolean knownInVersion1(String metadataKey) {
            for (Key k : values()) if (k != SCALE && k != WEIGHTS && k.version1.equals(metadataKey)) return true;
            return false;
        }
    }

    public Contract {
        if (!Float.isFinite(scale) || scale <= 0) throw new IllegalArgumentException("scale must be a positive number (was " + scale + ")");
        if (dt == null) throw new IllegalArgumentException("a contract says what dt the head predicts");
        if (sampling == null) sampling = Sampling.FOR_THE_SHIPPED_MODELS;
        if (weights == null) weights = Precision.FLOAT32;
    }

    /** A plain model's contract: touches alone, dt predicted as it is, no start steps, the shipped models' sampling, float32. */
    public static Contract plain(float scale) {
        return new Contract(scale, false, Dt.LINEAR, null, Sampling.FOR_THE_SHIPPED_MODELS, Precision.FLOAT32);
    }

    public Contract withStartSteps(boolean startSteps) {
        return new Contract(scale, startSteps, dt, defaultStyle, sampling, weights);
    }

    public Contract withDt(Dt dt) {
        return new Contract(scale, startSteps, dt, defaultStyle, sampling, weights);
    }

    public Contract withDefaultStyle(PerformanceStyle defaultStyle) {
        return new Contract(scale, startSteps, dt, defaultStyle, sampling, weights);
    }

    public Contract withSampling(Sampling sampling) {
        return new Contract(scale, startSteps, dt, defaultStyle, sampling, weights);
    }

    public Contract withWeights(Precision weights) {
        return new Contract(scale, startSteps, dt, defaultStyle, sampling, weights);
    }

    public boolean logDt() {
        return dt == Dt.LOG;
    }

    /** Input steps before the first touch: the start step, when the model reads one. */
    public int lead() {
        return startSteps ? 1 : 0;
    }

    /** A touch as the network reads it: [x, y, dt] clipped and scaled. */
    public float[] touchRow(double x, double y, double dt) {
        return new float[]{(float) (clip(x, 0, 1) * scale), (float) (clip(y, 0, 1) * scale), (float) (clip(dt, 0, MAX_DT) * scale)};
    }

    /** The start step as the network reads it. */
    public float[] startRow() {
        return PerformanceStart.input(scale);
    }

    /** The head's target for a gap of dt seconds: dt, or u(dt), times the scale. */
    public float dtTarget(double dt) {
        return (float) ((logDt() ? LogDt.toLog(dt) : dt) * scale);
    }

    /** ln |du/d dt| for a log-dt model (0 otherwise): a head NLL over u plus its negative is an NLL over dt. */
    public double logDtDerivative(double dt) {
        return logDt() ? LogDt.logDerivative(dt) : 0;
    }

    /** A drawn x or y as a position on the square. */
    public double position(double drawn) {
        return clip(drawn / scale, 0, 1);
    }

    /** A drawn third dimension as the gap to the next touch, in seconds. */
    public double gap(double drawn) {
        double unscaled = drawn / scale;
        return clip(logDt() ? LogDt.fromLog(unscaled) : unscaled, MIN_DT, MAX_DT);
    }

    /** σ = ELU(raw) + 1 + ε (raw + 1 above 0, e^raw at or below it). */
    public static float sigma(float raw) {
        return (raw > 0 ? raw + 1f : FastMath.exp(raw)) + SIGMA_EPSILON;
    }

    /** The contract as version-2 header entries, in Key order; every one written, but a default style only where the model has one. */
    Map<String, String> asHeader() {
        Map<String, String> header = new LinkedHashMap<>();
        header.put(Key.SCALE.header, Float.toString(scale));
        header.put(Key.START_STEPS.header, String.valueOf(startSteps));
        header.put(Key.DT.header, dt.text());
        if (defaultStyle != null) header.put(Key.DEFAULT_STYLE.header, defaultStyle.format());
        header.put(Key.TEMPERATURE.header, String.valueOf(sampling.temperature()));
        header.put(Key.SIGMA_TEMPERATURE.header, String.valueOf(sampling.sigmaTemperature()));
        header.put(Key.CANDIDATES.header, String.valueOf(sampling.candidates()));
        header.put(Key.WEIGHTS.header, weights.label());
        return header;
    }

    /** Reads the contract from header entries; keyOf names each key as the file spells it (for version 1, meta.*). */
    static Contract read(Map<String, String> header, Function<Key, String> keyOf) {
        String scaleText = header.get(keyOf.apply(Key.SCALE));
        if (scaleText == null || scaleText.isBlank()) throw new IllegalArgumentException("'" + keyOf.apply(Key.SCALE) + "' is missing");
        float scale = (float) number(keyOf.apply(Key.SCALE), scaleText);
        String starts = header.getOrDefault(keyOf.apply(Key.START_STEPS), "false").strip();
        if (!starts.equals("true") && !starts.equals("false"))
            throw new IllegalArgumentException("'" + keyOf.apply(Key.START_STEPS) + "' must be true or false (was " + starts + ")");
        String dtText = header.getOrDefault(keyOf.apply(Key.DT), "linear").strip();
        Dt dt = switch (dtText) {
            case "linear" -> Dt.LINEAR;
            case "log" -> Dt.LOG;
            default -> throw new IllegalArgumentException("'" + keyOf.apply(Key.DT) + "' must be linear or log (was " + dtText + ")");
        };
        String styleText = header.get(keyOf.apply(Key.DEFAULT_STYLE));
        PerformanceStyle style;
        try {
            style = styleText == null ? null : PerformanceStyle.parse(styleText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + keyOf.apply(Key.DEFAULT_STYLE) + "': " + e.getMessage(), e);
        }
        Sampling fallback = Sampling.FOR_THE_SHIPPED_MODELS;
        Sampling sampling;
        try {
            sampling = new Sampling(number(header, keyOf.apply(Key.TEMPERATURE), fallback.temperature()),
                    number(header, keyOf.apply(Key.SIGMA_TEMPERATURE), fallback.sigmaTemperature()),
                    (int) Math.round(number(header, keyOf.apply(Key.CANDIDATES), fallback.candidates())));
        } catch (InvalidValue e) {
            throw new IllegalArgumentException("the recommended sampling is out of range: " + e.getMessage(), e);
        }
        return new Contract(scale, starts.equals("true"), dt, style, sampling, weights(header.get(keyOf.apply(Key.WEIGHTS))));
    }

    /** The precision a header's weights key names; float32 where it names none (every version-1 file). */
    static Precision weights(String text) {
        if (text == null) return Precision.FLOAT32;
        try {
            return Precision.of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + Key.WEIGHTS.header + "' must be float32 or bfloat16 (was " + text.strip() + ")", e);
        }
    }

    /**
     * A version-1 model's contract, from its scale and the metadata entries that carried the rest (without their
     * "meta." prefix); answers the contract and the metadata left once those entries are lifted out.
     */
    public static Lifted fromVersion1(float scale, Map<String, String> metadata) {
        Map<String, String> header = new TreeMap<>();
        Map<String, String> rest = new TreeMap<>();
        metadata.forEach((k, v) -> (Key.knownInVersion1(k) ? header : rest).put(k, v));
        header.put(Key.SCALE.version1, Float.toString(scale));
        return new Lifted(read(header, k -> k.version1), rest);
    }

    /** A version-1 model's contract and its remaining free-form metadata. */
    public record Lifted(Contract contract, Map<String, String> metadata) {
    }

    private static double number(Map<String, String> header, String key, double fallback) {
        String text = header.get(key);
        return text == null ? fallback : number(key, text);
    }

    private static double number(String key, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a number (was \"" + text.strip() + "\")");
        }
    }

    private static double clip(double v, double low, double high) {
        return Math.min(high, Math.max(low, v));
    }
}
