// One response's memory and scratch space, allocated once per request, reused for every step.
package microjam.robojam;

import java.util.Arrays;

final class State {
    final float[][] columns;   // columns[l] = [input of layer l (in_l) ; h of layer l (H)]
    final float[][] cells;     // cells[l] = c of layer l (H)
    final float[][] gates;     // gates[l] = W·[x; h] + b of layer l (padded 4H)
    final float[] head;        // head output (padded P)
    final double[] means, scales, logits, weights, draw; // the mixture read from the head, and a draw

    State(Shape shape) {
        int layers = shape.layers();
        columns = new float[layers][];
        cells = new float[layers][shape.units()];
        gates = new float[layers][PackedMatrix.paddedRows(shape.gateRows())];
        for (int l = 0; l < layers; l++) columns[l] = new float[shape.inputSize(l) + shape.units()];
        head = new float[PackedMatrix.paddedRows(shape.headOutputs())];
        int kd = shape.mixtures() * shape.dimensions();
        means = new double[kd];
        scales = new double[kd];
        logits = new double[shape.mixtures()];
        weights = new double[shape.mixtures()];
        draw = new double[shape.dimensions()];
    }

    void reset() {
        for (float[] c : columns) Arrays.fill(c, 0f);
        for (float[] c : cells) Arrays.fill(c, 0f);
    }

    /** Becomes a copy of another state of the same shape: a candidate forking from the state after its call. */
    void copyFrom(State other) {
        for (int l = 0; l < columns.length; l++) {
            System.arraycopy(other.columns[l], 0, columns[l], 0, columns[l].length);
            System.arraycopy(other.cells[l], 0, cells[l], 0, cells[l].length);
            System.arraycopy(other.gates[l], 0, gates[l], 0, gates[l].length);
        }
        System.arraycopy(other.head, 0, head, 0, head.length);
        System.arraycopy(other.means, 0, means, 0, means.length);
        System.arraycopy(other.scales, 0, scales, 0, scales.length);
        System.arraycopy(other.logits, 0, logits, 0, logits.length);
    }

    /** The conditions read beside every touch until the next reset (a performance style's codes, unscaled). */
    void condition(float[] codes) {
        System.arraycopy(codes, 0, columns[0], Shape.TOUCH_DIMENSIONS, codes.length);
    }

    /** The next input touch [x, y, dt], already multiplied by the model's scale. */
    void input(float x, float y, float dt) {
        columns[0][0] = x;
        columns[0][1] = y;
        columns[0][2] = dt;
    }
}
