// An optional space for the dt a model predicts. People's gaps span two scales: swipes at the screen's
// 60 Hz (dt ≈ 17 ms, 78 % of touches) and pauses of 0.1–1 s. A model whose contract says output.dt=log (Contract.Dt.LOG)
// predicts, as its third output dimension (times the scale, like x and y),
//   u = ln(1 + dt/τ) / ln(1 + 5/τ),   τ = 10 ms,   so u runs over [0, 1] as dt runs over [0, 5] s,
//   dt = τ · (exp(u · ln(1 + 5/τ)) − 1),
// nearly linear below τ and logarithmic above, so one Gaussian can be narrow around 17 ms and another
// wide over pauses. Its inputs stay [x, y, dt] · scale. The density of dt follows by the change of
// variables: −ln p(dt) = −ln p(u) + ln(ln(1 + 5/τ) · (τ + dt)). Measured (docs/robojam-model.md): the
// held-out NLL went from −4.160 to −4.428 per touch and the gaps became people's; the shipped model uses it.
package microjam.robojam;

public final class LogDt {
    static final double TAU = 0.010;
    private static final double SPAN = StrictMath.log1p(5.0 / TAU);

    private LogDt() {
    }

    /** u for a gap of dt seconds (dt ≥ 0). */
    public static double toLog(double dt) {
        return StrictMath.log1p(dt / TAU) / SPAN;
    }

    /** The gap in seconds for a predicted u. */
    public static double fromLog(double u) {
        return TAU * StrictMath.expm1(u * SPAN);
    }

    /** ln |du/d dt| at dt: add its negative to −ln p(u) for −ln p(dt). */
    public static double logDerivative(double dt) {
        return -Math.log(SPAN * (TAU + dt));
    }
}
