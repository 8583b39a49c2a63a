// The complementary error function, for normal tail probabilities: Abramowitz & Stegun 7.1.26,
//   erf(x) ≈ 1 − (a₁t + a₂t² + a₃t³ + a₄t⁴ + a₅t⁵)·e^(−x²),  t = 1 / (1 + p·x),  x ≥ 0,
// absolute error below 1.5e-7; erfc(x) = 1 − erf(x), and erfc(−x) = 2 − erfc(x).
package microjam.train;

final class Erf {
    private static final double P = 0.3275911, A1 = 0.254829592, A2 = -0.284496736, A3 = 1.421413741, A4 = -1.453152027, A5 = 1.061405429;

    private Erf() {
    }

    static double erfc(double x) {
        double z = Math.abs(x), t = 1 / (1 + P * z);
        double tail = t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5)))) * Math.exp(-z * z);
        return x >= 0 ? tail : 2 - tail;
    }
}
