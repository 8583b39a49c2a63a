// The gate order of the LSTM kernels is i, f, g, o (PyTorch's): fixed here with hand-set weights.
package microjam.robojam;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GateOrderTest {
    @Test
    void gatesAreInputForgetCellOutputInThatOrder() {
        Shape shape = new Shape(1, 1, 1, 3);
        // One unit, so the four gate rows are i, f, g, o. Each bias drives its gate to a known value.
        float[] bias = {20f, -20f, 0.5f, 0f};                 // i ≈ 1, f ≈ 0, g = tanh(0.5), o = σ(0) = 0.5
        Weights w = new Weights(shape, new float[][]{new float[12]}, new float[][]{new float[4]}, new float[][]{bias},
                new float[7], new float[7]);
        Network network = new Network(new Model("gates", "", 1f, Map.of(), w));
        State state = network.newState();
        state.reset();
        state.cells[0][0] = 3f; // forgotten, since f ≈ 0
        try (Parallel parallel = new Parallel(1)) {
            Network.Batch batch = new Network.Batch(1, parallel);
            batch.states[0] = state;
            batch.size = 1;
            network.step(batch);
        }
        double c = Math.tanh(0.5);
        assertThat(state.cells[0][0]).isCloseTo((float) c, within(1e-6f));
        assertThat(state.columns[0][3]).as("h = o·tanh(c)").isCloseTo((float) (0.5 * Math.tanh(c)), within(1e-6f));
    }
}
