package microjam.train;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingTest {
    private static List<Training.Epoch> validationLosses(double... losses) {
        return java.util.stream.IntStream.range(0, losses.length).mapToObj(i -> new Training.Epoch(i + 1, 0, losses[i], 1)).toList();
    }

    private static float rateAfter(List<Training.Epoch> history, int patience) {
        Training.PlateauRate rate = new Training.PlateauRate(1f, patience);
        history.forEach(e -> rate.record(e.validationLoss()));
        return rate.getNewValue(0);
    }

    @Test
    void aResumedRunGoesOnAtTheLearningRateThePlateauRuleHadReached() {
        List<Training.Epoch> history = validationLosses(3, 2, 2.5, 1, 1.5, 1.2, 1.1, 0.5);
        assertThat(rateAfter(history, 1)).as("one halving per epoch that did not improve: 4").isEqualTo(1f / 16);
        assertThat(rateAfter(history, 2)).as("one halving per two such epochs in a row: 1").isEqualTo(1f / 2);
        assertThat(rateAfter(List.of(), 1)).isEqualTo(1f);
    }

    @Test
    void aWarmUpRampsTheRateLinearlyOverItsStepsThenHoldsIt() {
        Training.PlateauRate rate = new Training.PlateauRate(0.8f, 1);
        rate.warmUp(4);
        assertThat(new float[]{rate.getNewValue(1), rate.getNewValue(2), rate.getNewValue(3), rate.getNewValue(4), rate.getNewValue(50)})
                .containsExactly(0.2f, 0.4f, 0.6f, 0.8f, 0.8f);
        rate.record(1);
        rate.record(2);
        assertThat(rate.getNewValue(50)).as("the plateau rule still halves it").isEqualTo(0.4f);
    }
}
