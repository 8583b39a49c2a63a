// The report's statistics against an independent implementation: every expected number below was
// computed once with SciPy 1.17.1 and statsmodels 0.15.0 (python3) by the script quoted with it, and is
// hard-coded here; the test never runs Python.
package microjam.research;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatisticsSciPyTest {
    // Three independent groups (Kruskal–Wallis, Mann–Whitney U) and one paired sample (Wilcoxon), no ties.
    static final double[] A = {2.9, 3.0, 2.5, 2.6, 3.2}, B = {3.8, 2.7, 4.0, 2.4, 3.9, 4.1}, C = {2.8, 3.4, 3.7, 2.2, 2.0};
    static final double[] X = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30}, Y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
    static final double CLOSE = 1e-12;

    /*
     * python3 -c "
     * from scipy.stats import kruskal, mannwhitneyu, wilcoxon
     * from statsmodels.stats.multitest import multipletests
     * a=[2.9,3.0,2.5,2.6,3.2]; b=[3.8,2.7,4.0,2.4,3.9,4.1]; c=[2.8,3.4,3.7,2.2,2.0]
     * x=[1.83,0.50,1.62,2.48,1.68,1.88,1.55,3.06,1.30]; y=[0.878,0.647,0.598,2.05,1.06,1.29,1.06,3.14,1.29]
     * kw=kruskal(a,b,c); ab=mannwhitneyu(a,b,method='exact'); ac=mannwhitneyu(a,c,method='exact'); bc=mannwhitneyu(b,c,method='exact')
     * w=wilcoxon(x,y); wplus=wilcoxon(x,y,alternative='greater').statistic
     * print(kw, ab, ac, bc, w, wplus)
     * print(multipletests([kw.pvalue, ab.pvalue, ac.pvalue, bc.pvalue, w.pvalue], method='holm')[1])"
     * kruskal H=3.05147058823529 p=0.21746110019704962; mannwhitneyu a-b U=8 p=0.24675324675324672,
     * a-c U=13 p=1.0, b-c U=24 p=0.12554112554112554; wilcoxon statistic (two-sided: W−)=5 p=0.0390625, W+=40;
     * holm [0.6523833005911488, 0.6523833005911488, 1.0, 0.5021645021645021, 0.1953125]
     */
    @Test
    void theTestsOfOneReportAndHolmsCorrectionAcrossThemMatchSciPy() {
        Statistics.Test kw = Statistics.kruskalWallis(List.of(A, B, C));
        assertThat(kw.statistic()).isCloseTo(3.05147058823529, within(CLOSE));
        assertThat(kw.p()).isCloseTo(0.21746110019704962, within(CLOSE));
        Statistics.Test ab = Statistics.mannWhitney(A, B), ac = Statistics.mannWhitney(A, C), bc = Statistics.mannWhitney(B, C);
        assertThat(ab.statistic()).isEqualTo(8);
        assertThat(ab.p()).isCloseTo(0.24675324675324672, within(CLOSE));
        assertThat(ac.statistic()).isEqualTo(13);
        assertThat(ac.p()).isCloseTo(1.0, within(CLOSE));
        assertThat(bc.statistic()).isEqualTo(24);
        assertThat(bc.p()).isCloseTo(0.12554112554112554, within(CLOSE));

        // RoboJam's answers against their calls are pairs: the signed-rank test, not Mann–Whitney.
        Statistics.Paired w = Statistics.wilcoxon(X, Y);
        assertThat(w.test().statistic()).as("W+, the rank sum of positive differences").isEqualTo(40);
        assertThat(w.test().p()).isCloseTo(0.0390625, within(CLOSE));
        // Matched-pairs rank-biserial correlation from SciPy's two rank sums: (W+ − W−) / (W+ + W−) = (40 − 5) / 45.
        assertThat(w.rankBiserial()).isCloseTo(35 / 45.0, within(CLOSE));

        double[] family = {kw.p(), ab.p(), ac.p(), bc.p(), w.test().p()};
        double[] holm = Statistics.holm(family);
        double[] scipy = {0.6523833005911488, 0.6523833005911488, 1.0, 0.5021645021645021, 0.1953125};
        for (int i = 0; i < family.length; i++) assertThat(holm[i]).as("Holm-adjusted p of test %d", i).isCloseTo(scipy[i], within(CLOSE));
    }

    /*
     * Differences with a zero and ties: the normal approximation with tie and continuity corrections, zeros
     * ranked and then dropped (Pratt), as Commons Statistics does it:
     * python3 -c "
     * from scipy.stats import wilcoxon
     * x=[1,2,3,4,5,6,7,8,9,10,11,12]; y=[1.5,1,4,3.2,5,7,6,9,8.5,10.1,13,11]
     * o=dict(zero_method='pratt', correction=True, method='asymptotic')
     * print(wilcoxon(x,y,**o).pvalue, wilcoxon(x,y,alternative='greater',**o).statistic, wilcoxon(y,x,alternative='greater',**o).statistic)"
     * 0.7501246769734429 34.0 43.0
     */
    @Test
    void thePairedTestWithTiesAndZerosMatchesSciPysPrattApproximation() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, y = {1.5, 1, 4, 3.2, 5, 7, 6, 9, 8.5, 10.1, 13, 11};
        Statistics.Paired w = Statistics.wilcoxon(x, y);
        assertThat(w.test().statistic()).isEqualTo(34);
        assertThat(w.test().p()).isCloseTo(0.7501246769734429, within(CLOSE));
        assertThat(w.rankBiserial()).isCloseTo((34 - 43) / 77.0, within(CLOSE));
    }

    @Test
    void aTestWithoutVariationIsNotMadeAndLeavesTheFamily() {
        // Every pair equal: no signed-rank test is possible (SciPy warns and answers nan); likewise identical groups.
        assertThat(Statistics.wilcoxon(A, A).test().p()).isNaN();
        assertThat(Statistics.kruskalWallis(List.of(new double[]{1, 1}, new double[]{1, 1, 1})).p()).isNaN();
        assertThat(Statistics.mannWhitney(new double[]{1, 1}, new double[]{1, 1, 1}).p()).isNaN();
        // Holm over the tests made: a NaN is not a test and does not enlarge the family.
        assertThat(Statistics.holm(new double[]{0.01, Double.NaN, 0.04})).containsExactly(0.02, Double.NaN, 0.04);
    }
}
