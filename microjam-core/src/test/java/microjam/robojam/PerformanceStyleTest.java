// A performance's style, read off its touches: the numbers evaluate reports as touches per second, fraction
// moving and spatial spread, and the codes in [0, 1] a style model reads.
package microjam.robojam;

import microjam.performance.TouchCsv;
import microjam.performance.Touches;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PerformanceStyleTest {
    // a tap, two moves, a tap a second later: 4 touches in 2 s, 2 of them moving
    static final Touches FOUR_IN_TWO_SECONDS = TouchCsv.read("""
            time,x,y,z,moving
            0.0, 0.2, 0.2, 0, 0
            0.5, 0.4, 0.2, 0, 1
            1.0, 0.6, 0.6, 0, 1
            2.0, 0.8, 0.6, 0, 0
            """);

    @Test
    void rateMovingShareAndSpreadOfAHandBuiltPerformance() {
        PerformanceStyle style = PerformanceStyle.of(FOUR_IN_TWO_SECONDS);
        assertThat(style.rate()).isCloseTo(2.0, within(1e-12));
        assertThat(style.moving()).isCloseTo(0.5, within(1e-12));
        // x: mean 0.5, variance 0.2 / 4; y: mean 0.4, variance 0.16 / 4
        assertThat(style.spread()).isCloseTo(Math.sqrt(0.05) + 0.2, within(1e-12));
        assertThat(style.codes()).containsExactly(new float[]{2f / 60, 0.5f, (float) style.spread()}, within(1e-6f));
    }

    @Test
    void aBurstAtOneInstantHasAFiniteRateAndCodesStayInsideTheUnitInterval() {
        Touches burst = TouchCsv.read("""
                time,x,y,z,moving
                1.0, 0.0, 0.0, 0, 0
                1.0, 1.0, 1.0, 0, 1
                """);
        PerformanceStyle style = PerformanceStyle.of(burst);
        assertThat(style.rate()).as("two touches over the 50 ms floor").isCloseTo(40, within(1e-9));
        assertThat(new PerformanceStyle(90, 1, 1.4).codes()).containsExactly(1f, 1f, 1f);
    }

    @Test
    void distanceIsEuclideanOverTheCodes() {
        PerformanceStyle a = new PerformanceStyle(30, 0.5, 0.2), b = new PerformanceStyle(60, 0.5, 0.6);
        assertThat(a.distance(b)).isCloseTo(Math.hypot(0.5, 0.4), within(1e-6));
        assertThat(a.distance(a)).isZero();
        assertThat(a.distance(b)).isEqualTo(b.distance(a));
    }

    @Test
    void formatParsesBackAndBadStylesAreRefused() {
        PerformanceStyle placed = new PerformanceStyle(12.5, 0.25, 0.3, 0.2, 0.9);
        assertThat(PerformanceStyle.parse(placed.format())).isEqualTo(placed);
        assertThat(PerformanceStyle.parse("30 0.9 0.4")).as("three numbers: played around the middle").isEqualTo(new PerformanceStyle(30, 0.9, 0.4, 0.5, 0.5));
        assertThatThrownBy(() -> new PerformanceStyle(30, 0.9, 0.4, 1.5, 0.5)).hasMessageContaining("place");
        PerformanceStyle style = new PerformanceStyle(31.25, 0.9375, 0.4);
        assertThat(PerformanceStyle.parse(style.format())).isEqualTo(style);
        assertThatThrownBy(() -> PerformanceStyle.parse("1 2")).hasMessageContaining("three numbers");
        assertThatThrownBy(() -> new PerformanceStyle(-1, 0.5, 0.2)).hasMessageContaining("rate ≥ 0");
        assertThatThrownBy(() -> new PerformanceStyle(10, 1.5, 0.2)).hasMessageContaining("moving share in [0, 1]");
        assertThatThrownBy(() -> PerformanceStyle.of(Touches.NONE)).hasMessageContaining("at least one touch");
    }
}
