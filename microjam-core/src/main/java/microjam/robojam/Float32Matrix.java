// PackedMatrix holding float32 weights, the default: each weight vector is loaded as it is stored, by the
// kernels that served before there was any other precision, unchanged.
package microjam.robojam;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

final class Float32Matrix extends PackedMatrix {
    private static final VectorSpecies<Float> S = Kernels.SPECIES;

    private final float[] packed; // [block][col][BLOCK]

    /** Packs the column-wise concatenation of the given row-major parts, all with the same rows. */
    Float32Matrix(int rows, float[][] parts, int[] partCols) {
        super(rows, partCols);
        this.packed = layOut(parts, partCols);
    }

    @Override
    long bytes() {
        return (long) packed.length * Float.BYTES;
    }

    @Override
    void oneMember(float[] x, int xo, float[] y, int block) {
        int yo = block * BLOCK, w = block * cols * BLOCK;
        FloatVector a0 = FloatVector.fromArray(S, y, yo), a1 = FloatVector.fromArray(S, y, yo + L),
                a2 = FloatVector.fromArray(S, y, yo + 2 * L), a3 = FloatVector.fromArray(S, y, yo + 3 * L);
        for (int j = 0; j < cols; j++, w += BLOCK) {
            FloatVector xj = FloatVector.broadcast(S, x[xo + j]);
            a0 = FloatVector.fromArray(S, packed, w).fma(xj, a0);
            a1 = FloatVector.fromArray(S, packed, w + L).fma(xj, a1);
            a2 = FloatVector.fromArray(S, packed, w + 2 * L).fma(xj, a2);
            a3 = FloatVector.fromArray(S, packed, w + 3 * L).fma(xj, a3);
        }
        store(y, yo, a0, a1, a2, a3);
    }

    @Override
    void oneMemberTwoBlocks(float[] x, int xo, float[] y, int block) {
        int yo = block * BLOCK, yp = yo + BLOCK, w = block * cols * BLOCK, v = w + cols * BLOCK;
        FloatVector a0 = FloatVector.fromArray(S, y, yo), a1 = FloatVector.fromArray(S, y, yo + L),
                a2 = FloatVector.fromArray(S, y, yo + 2 * L), a3 = FloatVector.fromArray(S, y, yo + 3 * L),
                b0 = FloatVector.fromArray(S, y, yp), b1 = FloatVector.fromArray(S, y, yp + L),
                b2 = FloatVector.fromArray(S, y, yp + 2 * L), b3 = FloatVector.fromArray(S, y, yp + 3 * L);
        for (int j = 0; j < cols; j++, w += BLOCK, v += BLOCK) {
            FloatVector xj = FloatVector.broadcast(S, x[xo + j]);
            a0 = FloatVector.fromArray(S, packed, w).fma(xj, a0);
            a1 = FloatVector.fromArray(S, packed, w + L).fma(xj, a1);
            a2 = FloatVector.fromArray(S, packed, w + 2 * L).fma(xj, a2);
            a3 = FloatVector.fromArray(S, packed, w + 3 * L).fma(xj, a3);
            b0 = FloatVector.fromArray(S, packed, v).fma(xj, b0);
            b1 = FloatVector.fromArray(S, packed, v + L).fma(xj, b1);
            b2 = FloatVector.fromArray(S, packed, v + 2 * L).fma(xj, b2);
            b3 = FloatVector.fromArray(S, packed, v + 3 * L).fma(xj, b3);
        }
        store(y, yo, a0, a1, a2, a3);
        store(y, yp, b0, b1, b2, b3);
    }

    @Override
    void twoMembers(float[] x, float[] z, int xo, float[] y, float[] u, int block) {
        int yo = block * BLOCK, w = block * cols * BLOCK;
        FloatVector a0 = FloatVector.fromArray(S, y, yo), a1 = FloatVector.fromArray(S, y, yo + L),
                a2 = FloatVector.fromArray(S, y, yo + 2 * L), a3 = FloatVector.fromArray(S, y, yo + 3 * L),
                b0 = FloatVector.fromArray(S, u, yo), b1 = FloatVector.fromArray(S, u, yo + L),
                b2 = FloatVector.fromArray(S, u, yo + 2 * L), b3 = FloatVector.fromArray(S, u, yo + 3 * L);
        for (int j = 0; j < cols; j++, w += BLOCK) {
            FloatVector xj = FloatVector.broadcast(S, x[xo + j]), zj = FloatVector.broadcast(S, z[xo + j]);
            FloatVector w0 = FloatVector.fromArray(S, packed, w), w1 = FloatVector.fromArray(S, packed, w + L),
                    w2 = FloatVector.fromArray(S, packed, w + 2 * L), w3 = FloatVector.fromArray(S, packed, w + 3 * L);
            a0 = w0.fma(xj, a0);
            a1 = w1.fma(xj, a1);
            a2 = w2.fma(xj, a2);
            a3 = w3.fma(xj, a3);
            b0 = w0.fma(zj, b0);
            b1 = w1.fma(zj, b1);
            b2 = w2.fma(zj, b2);
            b3 = w3.fma(zj, b3);
        }
        store(y, yo, a0, a1, a2, a3);
        store(u, yo, b0, b1, b2, b3);
    }

    @Override
    void fourMembers(float[][] xs, int first, int xo, float[][] ys, int block) {
        int yo = block * BLOCK, w = block * cols * BLOCK;
        float[] x0 = xs[first], x1 = xs[first + 1], x2 = xs[first + 2], x3 = xs[first + 3];
        float[] y0 = ys[first], y1 = ys[first + 1], y2 = ys[first + 2], y3 = ys[first + 3];
        FloatVector a0 = FloatVector.fromArray(S, y0, yo), a1 = FloatVector.fromArray(S, y0, yo + L),
                a2 = FloatVector.fromArray(S, y0, yo + 2 * L), a3 = FloatVector.fromArray(S, y0, yo + 3 * L),
                b0 = FloatVector.fromArray(S, y1, yo), b1 = FloatVector.fromArray(S, y1, yo + L),
                b2 = FloatVector.fromArray(S, y1, yo + 2 * L), b3 = FloatVector.fromArray(S, y1, yo + 3 * L),
                c0 = FloatVector.fromArray(S, y2, yo), c1 = FloatVector.fromArray(S, y2, yo + L),
                c2 = FloatVector.fromArray(S, y2, yo + 2 * L), c3 = FloatVector.fromArray(S, y2, yo + 3 * L),
                d0 = FloatVector.fromArray(S, y3, yo), d1 = FloatVector.fromArray(S, y3, yo + L),
                d2 = FloatVector.fromArray(S, y3, yo + 2 * L), d3 = FloatVector.fromArray(S, y3, yo + 3 * L);
        for (int j = 0; j < cols; j++, w += BLOCK) {
            FloatVector w0 = FloatVector.fromArray(S, packed, w), w1 = FloatVector.fromArray(S, packed, w + L),
                    w2 = FloatVector.fromArray(S, packed, w + 2 * L), w3 = FloatVector.fromArray(S, packed, w + 3 * L);
            FloatVector v = FloatVector.broadcast(S, x0[xo + j]);
            a0 = w0.fma(v, a0);
            a1 = w1.fma(v, a1);
            a2 = w2.fma(v, a2);
            a3 = w3.fma(v, a3);
            v = FloatVector.broadcast(S, x1[xo + j]);
            b0 = w0.fma(v, b0);
            b1 = w1.fma(v, b1);
            b2 = w2.fma(v, b2);
            b3 = w3.fma(v, b3);
            v = FloatVector.broadcast(S, x2[xo + j]);
            c0 = w0.fma(v, c0);
            c1 = w1.fma(v, c1);
            c2 = w2.fma(v, c2);
            c3 = w3.fma(v, c3);
            v = FloatVector.broadcast(S, x3[xo + j]);
            d0 = w0.fma(v, d0);
            d1 = w1.fma(v, d1);
            d2 = w2.fma(v, d2);
            d3 = w3.fma(v, d3);
        }
        store(y0, yo, a0, a1, a2, a3);
        store(y1, yo, b0, b1, b2, b3);
        store(y2, yo, c0, c1, c2, c3);
        store(y3, yo, d0, d1, d2, d3);
    }

    @Override
    void scalarBlock(float[] x, int xo, float[] y, int block) {
        int yo = block * BLOCK, w = block * cols * BLOCK;
        float a0 = y[yo], a1 = y[yo + 1], a2 = y[yo + 2], a3 = y[yo + 3];
        for (int j = 0; j < cols; j++, w += BLOCK) {
            float xj = x[xo + j];
            a0 = ScalarFma.fma(packed[w], xj, a0);
            a1 = ScalarFma.fma(packed[w + 1], xj, a1);
            a2 = ScalarFma.fma(packed[w + 2], xj, a2);
            a3 = ScalarFma.fma(packed[w + 3], xj, a3);
        }
        y[yo] = a0;
        y[yo + 1] = a1;
        y[yo + 2] = a2;
        y[yo + 3] = a3;
    }
}
