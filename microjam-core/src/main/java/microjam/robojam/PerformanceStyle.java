// A performance's style in three numbers read off its touches, as Features defines them: touches per
// second, the share of moving touches, and the spatial spread. People keep a style through a performance (their touch rate
// in its first and second half correlates 0.85) and differ widely between performances (10th–90th
// percentile 5.5–56 touches/s); a model that only reads a call's touches forgot it within a few
// hundred milliseconds of sampling. A style-conditioned model (Shape.conditions() = 3, `train --style`)
// reads the codes of the performance's style beside every touch, as sketch-rnn reads its latent vector:
// in training the style of the performance being played, in RoboJam the call's, for the call and the
// answer alike (for an empty call the training performances' mean, the contract's default style).
package microjam.robojam;

import microjam.performance.Features;
import microjam.performance.Touch;
import microjam.performance.Touches;

import java.util.Arrays;
import java.util.Locale;

public record PerformanceStyle(double rate, double moving, double spread, double meanX, double meanY) {
    /** Codes of a style-conditioned model: rate, moving share, spread. */
    public static final int CODES = 3;
    /** Codes of a model conditioned on place too: then the mean x and mean y. */
    public static final int CODES_WITH_PLACE = 5;
    /** Touch rates are coded against the screen's 60 Hz: a finger moving all the time. */
    public static final double FULL_RATE = 60;

    public PerformanceStyle {
        if (!(rate >= 0) || !(moving >= 0 && moving <= 1) || !(spread >= 0) || Double.isInfinite(rate) || Double.isInfinite(spread))
            throw new IllegalArgumentException("a style is a rate ≥ 0, a moving share in [0, 1] and a spread ≥ 0 (was " + rate + ", " + moving + ", " + spread + ")");
        if (!(meanX >= 0 && meanX <= 1) || !(meanY >= 0 && meanY <= 1))
            throw new IllegalArgumentException("a style's place is a mean x and y in [0, 1] (was " + meanX + ", " + meanY + ")");
    }

    /** A style played around the middle of the square. */
    public PerformanceStyle(double rate, double moving, double spread) {
        this(rate, moving, spread, 0.5, 0.5);
    }

    /** The style of touches whose positions, first-to-last duration (seconds) and count of moving touches are given; at least one touch. */
    public static PerformanceStyle of(double[] xs, double[] ys, double duration, int movingTouches) {
        int n = xs.length;
        if (n == 0) throw new IllegalArgumentException("a style needs at least one touch");
        return new PerformanceStyle(Features.rate(n, duration), movingTouches / (double) n, Features.spread(xs, ys), Features.mean(xs), Features.mean(ys));
    }

    public static PerformanceStyle of(Touches touches) {
        int n = touches.size(), moving = 0;
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) {
            Touch t = touches.get(i);
            xs[i] = t.x();
            ys[i] = t.y();
            if (t.moving()) moving++;
        }
        return of(xs, ys, touches.duration(), moving);
    }

    /** The three numbers of the style as the network reads them, each in [0, 1]. */
    public float[] codes() {
        return codes(CODES);
    }

    /** The style as a model with this many conditions reads it (CODES, or CODES_WITH_PLACE: then the mean place too), each in [0, 1]. */
    public float[] codes(int count) {
        float[] style = {(float) Math.min(rate / FULL_RATE, 1), (float) moving, (float) Math.min(spread, 1)};
        return switch (count) {
            case CODES -> style;
            case CODES_WITH_PLACE -> new float[]{style[0], style[1], style[2], (float) meanX, (float) meanY};
            default -> throw new IllegalArgumentException("a style is read as " + CODES + " or " + CODES_WITH_PLACE + " codes, not " + count);
        };
    }

    /** Euclidean distance between the two styles' codes: how far apart two performances play. */
    public double distance(PerformanceStyle other) {
        float[] a = codes(), b = other.codes();
        double sum = 0;
        for (int i = 0; i < CODES; i++) sum += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(sum);
    }

    /** "rate moving spread meanX meanY", as a model's contract keeps its default style. */
    public String format() {
        return String.format(Locale.ROOT, "%.4f %.4f %.4f %.4f %.4f", rate, moving, spread, meanX, meanY);
    }

    /** Three numbers (rate, moving share, spread: played around the middle) or five (then the mean x and y). */
    public static PerformanceStyle parse(String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 3 && parts.length != 5)
            throw new IllegalArgumentException("a style is three numbers: rate, moving share, spread, or five with its mean x and y (was \"" + text + "\")");
        double[] v = Arrays.stream(parts).mapToDouble(Double::parseDouble).toArray();
        return parts.length == 3 ? new PerformanceStyle(v[0], v[1], v[2]) : new PerformanceStyle(v[0], v[1], v[2], v[3], v[4]);
    }
}
