package microjam.train;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingTest {
    private static List<Training.Epoch> validationLosses(double... losses) {
        return java.util.stream.IntStream.range(0, losses.length).mapToObj(i -> new Training.Epoch(i + 1, 0, losses[i], 1)).toList();
    }

    @Test
    void aResumedRunGoesOnAtTheLearningRateThePlateauRuleHadReached() {
        List<Training.Epoch> history = validationLosses(3, 2, 2.5, 1, 1.5, 1.2, 1.1, 0.5);
        assertThat(Training.halvings(history, 1)).as("one halving per epoch that did not improve").isEqualTo(4);
        assertThat(Training.halvings(history, 2)).as("one halving per two such epochs in a row").isEqualTo(1);
        assertThat(Training.halvings(List.of(), 1)).isZero();
    }
}
