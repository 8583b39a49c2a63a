// The trainer's DJL network and the server's Java kernel agree on the same weights and inputs for
// 200 steps to 1e-4: export is exact and the gate order matches, with or without style conditions.
package microjam.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import microjam.robojam.Network;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ParityTest {
    @Test
    void djlAndTheJavaKernelAgreeFor200Steps() {
        agreeFor200Steps(new microjam.robojam.Shape(2, 24, 4, 3));
    }

    @Test
    void soTheyDoForAStyleConditionedNetwork() {
        agreeFor200Steps(new microjam.robojam.Shape(2, 24, 4, 3, microjam.robojam.PerformanceStyle.CODES));
    }

    private static void agreeFor200Steps(microjam.robojam.Shape shape) {
        int steps = 200, width = shape.inputSize(0);
        try (NDManager manager = NDManager.newBaseManager(); Model model = MdnNetwork.model(shape, manager)) {
            Training.load(model.getBlock(), microjam.robojam.RandomModel.create(shape, 9).weights()); // non-zero biases too
            Random random = new Random(3);
            float[] inputs = new float[steps * width];
            float[][] kernelInputs = new float[steps][];
            for (int t = 0; t < steps; t++) {
                kernelInputs[t] = new float[width];
                kernelInputs[t][0] = (float) random.nextDouble() * 10;
                kernelInputs[t][1] = (float) random.nextDouble() * 10;
                kernelInputs[t][2] = (float) random.nextDouble();
                for (int c = 3; c < width; c++) kernelInputs[t][c] = (float) random.nextDouble(); // a style's codes, changing every step here
                System.arraycopy(kernelInputs[t], 0, inputs, t * width, width);
            }
            NDArray out = model.getBlock().forward(new ParameterStore(manager, false), new NDList(manager.create(inputs, new Shape(1, steps, width))), false)
                    .singletonOrThrow();
            float[] djl = out.toFloatArray();
            var exported = new microjam.robojam.Model("parity", "", microjam.robojam.Contract.plain(10f).withDefaultStyle(new microjam.robojam.PerformanceStyle(30, 0.9, 0.4)), Map.of(),
                    Exporter.weights(model.getBlock(), shape));
            float[][] kernel = new Network(exported).headOutputs(kernelInputs);
            double worst = 0;
            int p = shape.headOutputs();
            for (int t = 0; t < steps; t++)
                for (int i = 0; i < p; i++) {
                    double difference = Math.abs(kernel[t][i] - djl[t * p + i]) / Math.max(1, Math.abs(djl[t * p + i]));
                    worst = Math.max(worst, difference);
                    assertThat(difference).as("step %d output %d: kernel %s, DJL %s", t, i, kernel[t][i], djl[t * p + i]).isLessThan(1e-4);
                }
            System.out.printf("DJL vs Java kernel over %d steps (%d conditions): largest difference %.2e%n", steps, shape.conditions(), worst);
        }
    }
}
