// --repair turns real-world files into valid performances and says what it changed.
package microjam.performance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepairTest {
    @Test
    void trimsToFiveSecondsAndClipsIntoTheSquare() {
        Repair.Result result = Repair.repair("""
                time,x,y,z,moving
                0.000000, 0.5, 0.5, 0.000000, 0
                1.000000, 1.2, -0.1, 0.000000, 1
                4.990000, 0.5, 0.5, 0.000000, 1
                5.500000, 0.5, 0.5, 0.000000, 1
                65.00000, 0.5, 0.5, 0.000000, 1
                """);
        assertThat(result.touches().list()).extracting(Touch::time).containsExactly(0.0, 1.0, 4.99);
        assertThat(result.touches().get(1)).isEqualTo(new Touch(1.0, 1.0, 0.0, 0.0, true));
        assertThat(result.changes()).containsExactly(
                "trimmed to 5.0 s: dropped 2 touch(es) after it",
                "clipped 1 position(s) into the square");
    }

    @Test
    void keepsTheFirst2000TouchesAndDropsUnreadableLines() {
        StringBuilder csv = new StringBuilder("time,x,y,z,moving\nnot, a, touch\n");
        for (int i = 0; i < 2100; i++) csv.append("0.001, 0.5, 0.5, 0, 1\n");
        Repair.Result result = Repair.repair(csv.toString());
        assertThat(result.touches().size()).isEqualTo(2000);
        assertThat(result.changes()).containsExactly("dropped 1 unreadable line(s): line 2", "kept the first 2000 touches: dropped 100");
    }

    @Test
    void aValidFileNeedsNoChange() {
        assertThat(Repair.repair("time,x,y,z,moving\n0.1, 0.2, 0.3, 0, 0\n").changes()).isEmpty();
    }

    @Test
    void stillNeedsTheHeader() {
        assertThatThrownBy(() -> Repair.repair("0.1, 0.2, 0.3, 0, 0\n")).hasMessageContaining("header");
    }
}
