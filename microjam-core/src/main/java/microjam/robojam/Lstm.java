// One LSTM layer's update from its gate pre-activations z = W·[x; h] + b (gate order i, f, g, o):
//   i = σ(z_i)   f = σ(z_f)   g = tanh(z_g)   o = σ(z_o)
//   c' = f ⊙ c + i ⊙ g        h' = o ⊙ tanh(c')
// The vector loop and its scalar tail do the same operations, so every unit gets the same bits.
package microjam.robojam;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

final class Lstm {
    private static final VectorSpecies<Float> S = Kernels.SPECIES;

    private Lstm() {
    }

    /** Updates c (H) in place and writes h' to each of the targets at their offsets. */
    static void update(float[] z, int units, float[] c, float[] hTarget, int hOffset, float[] nextInput) {
        int u = 0;
        if (!Kernels.SCALAR) {
            for (int bound = S.loopBound(units); u < bound; u += S.length()) {
                FloatVector i = FastMath.sigmoid(FloatVector.fromArray(S, z, u));
                FloatVector f = FastMath.sigmoid(FloatVector.fromArray(S, z, units + u));
                FloatVector g = FastMath.tanh(FloatVector.fromArray(S, z, 2 * units + u));
                FloatVector o = FastMath.sigmoid(FloatVector.fromArray(S, z, 3 * units + u));
                FloatVector cell = f.mul(FloatVector.fromArray(S, c, u)).add(i.mul(g));
                cell.intoArray(c, u);
                FloatVector h = o.mul(FastMath.tanh(cell));
                h.intoArray(hTarget, hOffset + u);
                if (nextInput != null) h.intoArray(nextInput, u);
            }
        }
        for (; u < units; u++) {
            float i = FastMath.sigmoid(z[u]);
            float f = FastMath.sigmoid(z[units + u]);
            float g = FastMath.tanh(z[2 * units + u]);
            float o = FastMath.sigmoid(z[3 * units + u]);
            float cell = f * c[u] + i * g;
            c[u] = cell;
            float h = o * FastMath.tanh(cell);
            hTarget[hOffset + u] = h;
            if (nextInput != null) nextInput[u] = h;
        }
    }
}
