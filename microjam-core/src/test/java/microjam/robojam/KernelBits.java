// Run in a JVM of its own by ScalarPathTest: steps a random model in a batch that takes every kernel
// (four members, two, one; two blocks at once and a lone block) and writes the bits of every state,
// after every step, to a file, with the path the kernel took (Kernels.describe) on its first line.
package microjam.robojam;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

final class KernelBits {
    static final int STEPS = 300, BATCH = 7; // 7 = 4 + 2 + 1 members
    // 80 units: 320 gate rows, five blocks of 64 on a 512-bit machine, so a lone member takes two blocks at once
    // twice and one block alone; the head's 35 rows are one block.
    static final Shape SHAPE = new Shape(2, 80, 5, 3);

    private KernelBits() {
    }

    public static void main(String[] args) throws IOException {
        Precision precision = Precision.of(args[0]);
        Network network = new Network(RandomModel.create(SHAPE, 3), precision);
        try (Parallel parallel = new Parallel(1);
             DataOutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[1])))) {
            out.writeUTF(Kernels.describe());
            Network.Batch batch = new Network.Batch(BATCH, parallel);
            for (int b = 0; b < BATCH; b++) {
                batch.states[b] = network.newState();
                batch.states[b].reset();
            }
            batch.size = BATCH;
            SplittableRandom random = new SplittableRandom(5);
            for (int step = 0; step < STEPS; step++) {
                for (int b = 0; b < BATCH; b++)
                    batch.states[b].input((float) random.nextDouble(0, 10), (float) random.nextDouble(0, 10), (float) random.nextDouble(0, 1));
                network.step(batch);
                for (int b = 0; b < BATCH; b++) {
                    State s = batch.states[b];
                    for (float[] column : s.columns) write(out, column, column.length);
                    for (float[] cell : s.cells) write(out, cell, cell.length);
                    write(out, s.head, SHAPE.headOutputs());
                }
            }
        }
    }

    private static void write(DataOutputStream out, float[] values, int count) throws IOException {
        for (int i = 0; i < count; i++) out.writeInt(Float.floatToRawIntBits(values[i]));
    }
}
