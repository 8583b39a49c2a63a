// java.util.SplittableRandom for TeaVM, whose class library has none: the JDK's SplitMix64 with the
// same constants, so a seed gives the same doubles as on the server (what the core uses: nextLong, nextDouble).
// TeaVM maps java.util.X to org.teavm.classlib.java.util.TX, so the core's own code picks this up unchanged.
package org.teavm.classlib.java.util;

import java.util.random.RandomGenerator;

public class TSplittableRandom implements RandomGenerator {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private long seed;
    private final long gamma;

    public TSplittableRandom(long seed) {
        this.seed = seed;
        this.gamma = GOLDEN_GAMMA;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public long nextLong() {
        return mix64(seed += gamma);
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
