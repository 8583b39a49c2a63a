package microjam.train;

import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TwoSampleKsTest {
    @Test
    void equalsApacheCommonsOnSeededRandomSamplesWithAndWithoutTies() {
        KolmogorovSmirnovTest reference = KolmogorovSmirnovTest.withDefaults();
        Random random = new Random(11);
        for (int c = 0; c < 500; c++) {
            boolean ties = c % 2 == 0;
            double[] a = sample(random, 2 + random.nextInt(60), ties), b = sample(random, 2 + random.nextInt(60), ties);
            assertThat(TwoSampleKs.statistic(a, b)).as("case %d", c).isCloseTo(reference.statistic(a, b), within(1e-12));
        }
    }

    @Test
    void worksForASingleValueAndCallsEmptySamplesDisjoint() {
        assertThat(TwoSampleKs.statistic(new double[]{0.5}, new double[]{0, 1})).isEqualTo(0.5);
        assertThat(TwoSampleKs.statistic(new double[]{2}, new double[]{2})).isZero();
        assertThat(TwoSampleKs.statistic(new double[]{1, 2}, new double[]{3, 4})).isEqualTo(1);
        assertThat(TwoSampleKs.statistic(new double[0], new double[]{1})).isEqualTo(1);
    }

    private static double[] sample(Random random, int n, boolean ties) {
        double[] v = new double[n];
        double shift = random.nextGaussian() * 0.5;
        for (int i = 0; i < n; i++) v[i] = ties ? Math.round(random.nextGaussian() * 3) + shift : random.nextGaussian() + shift;
        return v;
    }
}
