// exp, sigmoid and tanh in float, from additions, multiplications and one division only, so the
// scalar and the vector forms give identical bits in every JIT tier (Math.exp need not).
// exp: Cody–Waite reduction x = k·ln2 + r, |r| ≤ ln2/2, then e^r by a degree-7 polynomial (Cephes expf),
// and 2^k built in the exponent bits. tanh: an odd polynomial for |x| < 0.625, else 1 − 2/(e^{2|x|} + 1).
package microjam.robojam;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.IntVector;

final class FastMath {
    private static final float LOG2E = 1.44269504088896341f;
    private static final float ROUND = 12582912f; // 1.5·2^23: adding it rounds to an integer
    private static final float LN2_HI = 0.693359375f, LN2_LO = -2.12194440e-4f;
    private static final float E1 = 1.9875691500e-4f, E2 = 1.3981999507e-3f, E3 = 8.3334519073e-3f,
            E4 = 4.1665795894e-2f, E5 = 1.6666665459e-1f, E6 = 5.0000001201e-1f;
    private static final float T1 = -5.70498872745e-3f, T2 = 2.06390887954e-2f, T3 = -5.37397155531e-2f,
            T4 = 1.33314422036e-1f, T5 = -3.33332819422e-1f;
    private static final float LOW = -87f, HIGH = 88f, TANH_SMALL = 0.625f;

    private FastMath() {
    }

    static float exp(float x) {
        x = Math.min(Math.max(x, LOW), HIGH);
        float k = x * LOG2E + ROUND - ROUND;
        float r = x - k * LN2_HI;
        r = r - k * LN2_LO;
        float z = r * r;
        float p = ((((E1 * r + E2) * r + E3) * r + E4) * r + E5) * r + E6;
        float y = p * z + r + 1f;
        return y * Float.intBitsToFloat(((int) k + 127) << 23);
    }

    static float sigmoid(float x) {
        return 1f / (1f + exp(-x));
    }

    static float tanh(float x) {
        float ax = Math.abs(x);
        if (ax < TANH_SMALL) {
            float z = x * x;
            return (((((T1 * z + T2) * z + T3) * z + T4) * z + T5) * z) * x + x;
        }
        float y = 1f - 2f / (exp(ax + ax) + 1f);
        return x < 0 ? -y : y;
    }

    static FloatVector exp(FloatVector x) {
        x = x.max(LOW).min(HIGH);
        FloatVector k = x.mul(LOG2E).add(ROUND).sub(ROUND);
        FloatVector r = x.sub(k.mul(LN2_HI));
        r = r.sub(k.mul(LN2_LO));
        FloatVector z = r.mul(r);
        FloatVector p = r.mul(E1).add(E2).mul(r).add(E3).mul(r).add(E4).mul(r).add(E5).mul(r).add(E6);
        FloatVector y = p.mul(z).add(r).add(1f);
        IntVector exponent = (IntVector) k.convert(VectorOperators.F2I, 0);
        return y.mul(exponent.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats());
    }

    static FloatVector sigmoid(FloatVector x) {
        return FloatVector.broadcast(x.species(), 1f).div(exp(x.neg()).add(1f));
    }

    static FloatVector tanh(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector z = x.mul(x);
        FloatVector small = z.mul(T1).add(T2).mul(z).add(T3).mul(z).add(T4).mul(z).add(T5).mul(z).mul(x).add(x);
        FloatVector e = exp(ax.add(ax));
        FloatVector large = FloatVector.broadcast(x.species(), 1f).sub(FloatVector.broadcast(x.species(), 2f).div(e.add(1f)));
        large = large.blend(large.neg(), x.lt(0f));
        VectorMask<Float> isSmall = ax.lt(TANH_SMALL);
        return large.blend(small, isSmall);
    }
}
