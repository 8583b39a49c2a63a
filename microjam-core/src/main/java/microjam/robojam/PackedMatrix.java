// A weight matrix W (rows × cols) packed for y += W·x: rows are cut into blocks of four vectors and each
// block is stored column by column, so the kernel streams memory in order and keeps a block of y in
// registers. Every y[r] is accumulated as ((y[r] + W[r,0]·x[0]) + W[r,1]·x[1]) + … with one fused
// multiply-add per column, in that order, whether one request or a batch is computed: batching
// changes the speed, never the bits. Rows are zero-padded up to a whole block.
//
// One subclass per Precision stores the weights its own way (float32 or bfloat16) in this same layout
// and has its own copy of each kernel, so that the choice is made once, when the model is loaded, and
// no inner loop asks which precision it reads.
package microjam.robojam;

import jdk.incubator.vector.FloatVector;

abstract sealed class PackedMatrix permits Float32Matrix, Bfloat16Matrix {
    static final int L = Kernels.LANES;
    static final int BLOCK = 4 * L;

    final int rows, cols, paddedRows;

    PackedMatrix(int rows, int[] partCols) {
        this.rows = rows;
        int total = 0;
        for (int c : partCols) total += c;
        this.cols = total;
        this.paddedRows = paddedRows(rows);
    }

    /** Packs the column-wise concatenation of the given row-major parts, all with the same rows, in this precision. */
    static PackedMatrix pack(Precision precision, int rows, float[][] parts, int[] partCols) {
        return switch (precision) {
            case FLOAT32 -> new Float32Matrix(rows, parts, partCols);
            case BFLOAT16 -> new Bfloat16Matrix(rows, parts, partCols);
        };
    }

    static int paddedRows(int rows) {
        return (rows + BLOCK - 1) / BLOCK * BLOCK;
    }

    /** The weights in this layout as float32 (padding rows zero): what each precision then stores its own way. */
    final float[] layOut(float[][] parts, int[] partCols) {
        float[] packed = new float[paddedRows * cols];
        int colBase = 0;
        for (int p = 0; p < parts.length; p++) {
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < partCols[p]; c++)
                    packed[index(r, colBase + c)] = parts[p][r * partCols[p] + c];
            colBase += partCols[p];
        }
        return packed;
    }

    private int index(int row, int col) {
        int block = row / BLOCK;
        return (block * cols + col) * BLOCK + row % BLOCK;
    }

    int blocks() {
        return paddedRows / BLOCK;
    }

    /** Bytes of weights one product streams (padding included): what a lone step reads from memory. */
    abstract long bytes();

    /** ys[b][0..paddedRows) += W · xs[b][xOffset .. xOffset+cols) for b in [0, count). */
    final void multiplyAdd(float[][] xs, int xOffset, float[][] ys, int count) {
        multiplyAdd(xs, xOffset, ys, count, 0, blocks());
    }

    /** The same, for the rows of blocks [from, to) only: the unit of work split across cores. */
    final void multiplyAdd(float[][] xs, int xOffset, float[][] ys, int count, int from, int to) {
        if (Kernels.SCALAR) {
            for (int b = 0; b < count; b++) for (int k = from; k < to; k++) scalarBlock(xs[b], xOffset, ys[b], k);
            return;
        }
        int b = 0;
        for (; b + 4 <= count; b += 4) for (int k = from; k < to; k++) fourMembers(xs, b, xOffset, ys, k);
        for (; b + 2 <= count; b += 2) for (int k = from; k < to; k++) twoMembers(xs[b], xs[b + 1], xOffset, ys[b], ys[b + 1], k);
        for (; b < count; b++) {
            int k = from;
            for (; k + 2 <= to; k += 2) oneMemberTwoBlocks(xs[b], xOffset, ys[b], k);
            if (k < to) oneMember(xs[b], xOffset, ys[b], k);
        }
    }

    // The kernels, one block of rows each; every precision computes the same FMAs in the same order.
    abstract void oneMember(float[] x, int xo, float[] y, int block);

    // Two blocks at once: eight independent accumulator chains hide the FMA latency.
    abstract void oneMemberTwoBlocks(float[] x, int xo, float[] y, int block);

    abstract void twoMembers(float[] x, float[] z, int xo, float[] y, float[] u, int block);

    // Four requests share each loaded weight vector: sixteen accumulators, four loads per column.
    abstract void fourMembers(float[][] xs, int first, int xo, float[][] ys, int block);

    // The scalar path (Kernels.SCALAR): blocks of four rows, one lane each.
    abstract void scalarBlock(float[] x, int xo, float[] y, int block);

    /** A block's four accumulators back into y at yo. */
    static void store(float[] y, int yo, FloatVector v0, FloatVector v1, FloatVector v2, FloatVector v3) {
        v0.intoArray(y, yo);
        v1.intoArray(y, yo + L);
        v2.intoArray(y, yo + 2 * L);
        v3.intoArray(y, yo + 3 * L);
    }
}
