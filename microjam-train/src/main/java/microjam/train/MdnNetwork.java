// The network of the RoboJam issue in DJL: L stacked LSTM layers of H units (batch first), then a
// linear head with P = 2KD + K outputs: K·D means, K·D raw scales, K mixture logits, in the order the
// model file and the Java kernel use.
package microjam.train;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;

public final class MdnNetwork {
    private MdnNetwork() {
    }

    public static Block block(microjam.robojam.Shape shape) {
        return new SequentialBlock()
                .add(LSTM.builder().setStateSize(shape.units()).setNumLayers(shape.layers()).optBatchFirst(true).optReturnState(false).build())
                .add(Linear.builder().setUnits(shape.headOutputs()).build());
    }

    public static Model model(microjam.robojam.Shape shape, ai.djl.ndarray.NDManager manager) {
        Model model = Model.newInstance("robojam");
        model.setBlock(block(shape));
        model.getBlock().initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 1, shape.inputSize(0)));
        return model;
    }
}
