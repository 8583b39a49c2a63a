// The network's forward step for a batch of independent states, sharing read-only packed weights:
//   for each layer l:  z = W_l·[x_l; h_l] + b_l,  (c_l, h_l) ← LSTM(z, c_l),  x_{l+1} = h_l
//   head:              y = W_y·h_{L-1} + b_y
// One matrix–matrix product per layer for the whole batch; each state's numbers are the same as if
// it were stepped alone.
package microjam.robojam;

import microjam.performance.Touches;

import java.util.Arrays;

public final class Network {
    private final Model model;
    private final Shape shape;
    private final Precision precision;
    private final PackedMatrix[] layers;
    private final PackedMatrix head;
    private final float[][] biases;
    private final float[] headBias;
    private final PerformanceStyle defaultStyle; // a conditioned model's style for empty calls, else null

    public Network(Model model) {
        this(model, Precision.FLOAT32);
    }

    /**
     * Packs the weight matrices in the given precision. The biases stay float32 whatever it is: they are
     * a few thousand numbers, read once per step, so storing them smaller would save nothing measurable.
     */
    public Network(Model model, Precision precision) {
        this.model = model;
        this.shape = model.shape();
        this.precision = precision;
        this.defaultStyle = shape.conditions() > 0 ? model.contract().defaultStyle() : null; // present: Model checks it
        Weights w = model.weights();
        layers = new PackedMatrix[shape.layers()];
        biases = new float[shape.layers()][];
        for (int l = 0; l < shape.layers(); l++) {
            layers[l] = PackedMatrix.pack(precision, shape.gateRows(), new float[][]{w.inputKernel()[l], w.recurrentKernel()[l]},
                    new int[]{shape.inputSize(l), shape.units()});
            biases[l] = w.bias()[l];
        }
        head = PackedMatrix.pack(precision, shape.headOutputs(), new float[][]{w.headKernel()}, new int[]{shape.units()});
        headBias = w.headBias();
    }

    public Model model() {
        return model;
    }

    public Shape shape() {
        return shape;
    }

    public Precision precision() {
        return precision;
    }

    /** Bytes of weight matrices a step streams (biases aside): what bounds a lone step's speed. */
    public long weightBytesPerStep() {
        long bytes = head.bytes();
        for (PackedMatrix layer : layers) bytes += layer.bytes();
        return bytes;
    }

    /** The style codes a conditioned model reads beside every input when answering this call (its own style, or the model's default for an empty
     * call); null for a model without conditions. */
    float[] conditionsFor(Touches call, PerformanceStyle callStyle) {
        if (shape.conditions() == 0) return null;
        return (call.isEmpty() ? defaultStyle : callStyle).codes(shape.conditions());
    }

    /**
     * The head's raw outputs (P per step) for inputs fed one step at a time from a fresh state, inputs
     * already multiplied by the scale: how the trainer's parity test reads the kernel. Each row is [x, y, dt]
     * followed by the model's conditions (unscaled).
     */
    public float[][] headOutputs(float[][] inputs) {
        State state = newState();
        state.reset();
        float[][] outputs = new float[inputs.length][];
        try (Parallel parallel = new Parallel(1)) {
            Batch batch = new Batch(1, parallel);
            batch.states[0] = state;
            batch.size = 1;
            for (int t = 0; t < inputs.length; t++) {
                state.input(inputs[t][0], inputs[t][1], inputs[t][2]);
                if (shape.conditions() > 0) state.condition(Arrays.copyOfRange(inputs[t], Shape.TOUCH_DIMENSIONS, shape.inputSize(0)));
                step(batch);
                outputs[t] = Arrays.copyOf(state.head, shape.headOutputs());
            }
        }
        return outputs;
    }

    State newState() {
        return new State(shape);
    }

    /** A batch's reusable views of its states' buffers and its split work, so that a step allocates nothing. */
    static final class Batch {
        final State[] states;
        final float[][] columns, gates, heads;
        int size;
        final Parallel parallel; // null: every part on the caller's thread
        final MatrixTask matrixTask = new MatrixTask();
        final LstmTask lstmTask = new LstmTask();

        Batch(int capacity, Parallel parallel) {
            states = new State[capacity];
            columns = new float[capacity][];
            gates = new float[capacity][];
            heads = new float[capacity][];
            this.parallel = parallel;
        }
    }

    // Rows of a matrix product, split into contiguous ranges of blocks.
    private static final class MatrixTask implements Parallel.Task {
        PackedMatrix matrix;
        float[][] xs, ys;
        int xOffset, count;

        @Override
        public void run(int part, int parts) {
            int blocks = matrix.blocks();
            matrix.multiplyAdd(xs, xOffset, ys, count, blocks * part / parts, blocks * (part + 1) / parts);
        }
    }

    // The LSTM update of one layer, split by batch member.
    private static final class LstmTask implements Parallel.Task {
        Shape shape;
        Batch batch;
        int layer;

        @Override
        public void run(int part, int parts) {
            int n = batch.size, units = shape.units(), hOffset = shape.inputSize(layer);
            boolean last = layer + 1 == shape.layers();
            for (int b = n * part / parts; b < n * (part + 1) / parts; b++) {
                State s = batch.states[b];
                Lstm.update(s.gates[layer], units, s.cells[layer], s.columns[layer], hOffset, last ? null : s.columns[layer + 1]);
            }
        }
    }

    void step(Batch batch) {
        int n = batch.size;
        for (int l = 0; l < shape.layers(); l++) {
            for (int b = 0; b < n; b++) {
                State s = batch.states[b];
                batch.columns[b] = s.columns[l];
                batch.gates[b] = s.gates[l];
                System.arraycopy(biases[l], 0, s.gates[l], 0, biases[l].length);
            }
            multiply(batch, layers[l], batch.columns, 0, batch.gates);
            batch.lstmTask.shape = shape;
            batch.lstmTask.batch = batch;
            batch.lstmTask.layer = l;
            if (n > 1 && batch.parallel != null) batch.parallel.run(batch.lstmTask);
            else batch.lstmTask.run(0, 1);
        }
        int last = shape.layers() - 1;
        for (int b = 0; b < n; b++) {
            State s = batch.states[b];
            batch.columns[b] = s.columns[last];
            batch.heads[b] = s.head;
            System.arraycopy(headBias, 0, s.head, 0, headBias.length);
        }
        multiply(batch, head, batch.columns, shape.inputSize(last), batch.heads);
        for (int b = 0; b < n; b++) {
            State s = batch.states[b];
            MixtureHead.read(s.head, shape.mixtures(), shape.dimensions(), s.means, s.scales, s.logits);
        }
    }

    private static void multiply(Batch batch, PackedMatrix matrix, float[][] xs, int xOffset, float[][] ys) {
        MatrixTask task = batch.matrixTask;
        task.matrix = matrix;
        task.xs = xs;
        task.xOffset = xOffset;
        task.ys = ys;
        task.count = batch.size;
        if (batch.parallel != null && matrix.blocks() >= batch.parallel.parts()) batch.parallel.run(task);
        else task.run(0, 1);
    }
}
