// PackedMatrix holding bfloat16 weights, half the bytes of float32: every kernel widens each weight to
// float32 as it loads it (exactly: bfloat16 is a float32's upper half) and then does the same float32
// FMAs in the same order as Float32Matrix, so the vector and scalar paths still give the same bits.
//
// The block layout is Float32Matrix's (blocks of four vectors' rows, column by column) with one change
// inside each block column: the rows of vectors 0 and 1 are interleaved, as are those of vectors 2 and 3,
// so that short 2i is row i of the first vector and short 2i+1 row i of the second:
//   float32:   [r0 r1 … r(L-1)] [rL … r(2L-1)] [r2L …] [r3L …]
//   bfloat16:  [r0 rL r1 rL+1 … r(L-1) r(2L-1)] [r2L r3L r2L+1 r3L+1 …]
// One full-width load of 2L shorts, read as L ints, then holds two vectors' weights, each one AND or one
// shift away from float32: the upper halves are the second vector's floats once the lower halves are
// cleared, the lower halves the first vector's once shifted up. Widening L shorts to L ints with
// convertShape(S2I) instead gave the same bits but made a step four times slower than float32 on
// JDK 25: the conversion's many nodes push C2 past its inlining budget in the two-block and four-member
// kernels, and their vectors end up boxed. With one lane per vector (the scalar path) the interleaved
// order is the plain one.
package microjam.robojam;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

final class Bfloat16Matrix extends PackedMatrix {
    private static final VectorSpecies<Float> S = Kernels.SPECIES;
    private static final VectorSpecies<Short> PAIRS = S == null ? null : VectorSpecies.of(short.class, S.vectorShape()); // 2L shorts: two vectors' weights
    private static final int UPPER_HALF = 0xFFFF0000;

    private final short[] packed; // [block][col][BLOCK], bfloat16 bits, pairs of vectors interleaved

    Bfloat16Matrix(int rows, float[][] parts, int[] partCols) {
        super(rows, partCols);
        float[] weights = layOut(parts, partCols);
        packed = new short[weights.length];
        for (int column = 0; column < weights.length; column += BLOCK)
            for (int pair = column; pair < column + BLOCK; pair += 2 * L)
                for (int i = 0; i < L; i++) {
                    packed[pair + 2 * i] = bfloat16(weights[pair + i]);
                    packed[pair + 2 * i + 1] = bfloat16(weights[pair + L + i]);
                }
    }

    private static short bfloat16(float weight) {
        short bits = Precision.toBfloat16(weight);
        if (Float.isInfinite(Precision.fromBfloat16(bits)))
            throw new IllegalArgumentException("weight " + weight + " is beyond bfloat16's range: load this model as float32");
        return bits;
    }

    @Override
    long bytes() {
        return (long) packed.length * Short.BYTES;
    }

    /** Two vectors' weights from offset: lane i holds the first's row i in its lower half, the second's in its upper. */
    private IntVector pair(int offset) {
        return ShortVector.fromArray(PAIRS, packed, offset).reinterpretAsInts();
    }

    private static FloatVector first(IntVector pair) {
        return pair.lanewise(VectorOperators.LSHL, 16).reinterpretAsFloats();
    }

    private static FloatVector second(IntVector pair) {
        return pair.lanewise(VectorOperators.AND, UPPER_HALF).reinterpretAsFloats();
    }

    @Override
    void oneMember(float[] x, int xo, float[] y, int block) {
        int yo = block * BLOCK, w = block * cols * BLOCK;
        FloatVector a0 = FloatVector.fromArray(S, y, yo), a1 = FloatVector.fromArray(S, y, yo + L),
                a2 = FloatVector.fromArray(S, y, yo + 2 * L), a3 = FloatVector.fromArray(S, y, yo + 3 * L);
        for (int j = 0; j < cols; j++, w += BLOCK) {
            FloatVector xj = FloatVector.broadcast(S, x[xo + j]);
            IntVector p = pair(w), q = pair(w + 2 * L);
            a0 = first(p).fma(xj, a0);
            a1 = second(p).fma(xj, a1);
            a2 = first(q).fma(xj, a2);
            a3 = second(q).fma(xj, a3);
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
            IntVector p = pair(w), q = pair(w + 2 * L), r = pair(v), t = pair(v + 2 * L);
            a0 = first(p).fma(xj, a0);
            a1 = second(p).fma(xj, a1);
            a2 = first(q).fma(xj, a2);
            a3 = second(q).fma(xj, a3);
            b0 = first(r).fma(xj, b0);
            b1 = second(r).fma(xj, b1);
            b2 = first(t).fma(xj, b2);
            b3 = second(t).fma(xj, b3);
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
            IntVector p = pair(w), q = pair(w + 2 * L);
            FloatVector w0 = first(p), w1 = second(p), w2 = first(q), w3 = second(q);
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
            IntVector p = pair(w), q = pair(w + 2 * L);
            FloatVector w0 = first(p), w1 = second(p), w2 = first(q), w3 = second(q);
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
        // Stored here, not through store(): the widening makes this method big enough that C2 stops inlining
        // calls to methods of our own, and a call not inlined would box the sixteen accumulators.
        a0.intoArray(y0, yo);
        a1.intoArray(y0, yo + L);
        a2.intoArray(y0, yo + 2 * L);
        a3.intoArray(y0, yo + 3 * L);
        b0.intoArray(y1, yo);
        b1.intoArray(y1, yo + L);
        b2.intoArray(y1, yo + 2 * L);
        b3.intoArray(y1, yo + 3 * L);
        c0.intoArray(y2, yo);
        c1.intoArray(y2, yo + L);
        c2.intoArray(y2, yo + 2 * L);
        c3.intoArray(y2, yo + 3 * L);
        d0.intoArray(y3, yo);
        d1.intoArray(y3, yo + L);
        d2.intoArray(y3, yo + 2 * L);
        d3.intoArray(y3, yo + 3 * L);
    }

    @Override
    void scalarBlock(float[] x, int xo, float[] y, int block) {
        int yo = block * BLOCK, w = block * cols * BLOCK;
        float a0 = y[yo], a1 = y[yo + 1], a2 = y[yo + 2], a3 = y[yo + 3];
        for (int j = 0; j < cols; j++, w += BLOCK) {
            float xj = x[xo + j];
            a0 = ScalarFma.fma(Precision.fromBfloat16(packed[w]), xj, a0);
            a1 = ScalarFma.fma(Precision.fromBfloat16(packed[w + 1]), xj, a1);
            a2 = ScalarFma.fma(Precision.fromBfloat16(packed[w + 2]), xj, a2);
            a3 = ScalarFma.fma(Precision.fromBfloat16(packed[w + 3]), xj, a3);
        }
        y[yo] = a0;
        y[yo + 1] = a1;
        y[yo + 2] = a2;
        y[yo + 3] = a3;
    }
}
