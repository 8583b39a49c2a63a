// Whether answers answer their own call, and whether they only copy it.
//   relatedness: draw N calls at random (many times); for each one's answer, find the call nearest to it by the
//                character of a performance (PerformanceCharacter: mean place, spread, pace, moving share, each standardised
//                over the calls); the share of answers whose nearest call is their own. Chance is 1/N; replaying the
//                call scores 1.
//   copying:     the share of an answer's touches that retrace a touch of its call, within COPY_DISTANCE of the square
//                and COPY_SECONDS of its time. Replaying the call scores 1; a real performance paired at random shows
//                how much two people coincide by chance.
// The data hold no two people's answers to one call, so the band they would give cannot be measured; a real
// performance paired at random is the reference for copying, and chance for relatedness.
package microjam.train;

import microjam.performance.Touch;
import microjam.performance.Touches;
import microjam.robojam.PerformanceCharacter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

final class Relatedness {
    static final double COPY_DISTANCE = 0.05, COPY_SECONDS = 0.1;

    private Relatedness() {
    }

    /** The mean share, over `trials` random draws of n calls, of answers whose nearest call among the n is their own. */
    static double ownNearest(List<Touches> calls, List<Touches> answers, int n, int trials, long seed) {
        if (calls.size() != answers.size()) throw new IllegalArgumentException("an answer for each call");
        if (calls.size() < n) throw new IllegalArgumentException("relatedness over " + n + " calls needs at least that many (had " + calls.size() + ")");
        double[][] callCharacter = standardised(calls, calls), answerCharacter = standardised(answers, calls);
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) indices.add(i);
        Random random = new Random(seed);
        long own = 0;
        for (int trial = 0; trial < trials; trial++) {
            Collections.shuffle(indices, random);
            List<Integer> drawn = indices.subList(0, n);
            for (int a : drawn) {
                int nearest = -1;
                double best = Double.POSITIVE_INFINITY;
                for (int c : drawn) {
                    double d = distance(answerCharacter[a], callCharacter[c]);
                    if (d < best) {
                        best = d;
                        nearest = c;
                    }
                }
                if (nearest == a) own++;
            }
        }
        return own / (double) (trials * n);
    }

    /** The mean over the pairs of the share of each answer's touches that retrace a touch of its call. */
    static double copied(List<Touches> calls, List<Touches> answers) {
        double sum = 0;
        int counted = 0;
        for (int i = 0; i < calls.size(); i++) {
            Touches answer = answers.get(i);
            if (answer.isEmpty()) continue;
            sum += copiedShare(calls.get(i), answer);
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }

    /** The share of the answer's touches within COPY_DISTANCE and COPY_SECONDS of some touch of the call. */
    static double copiedShare(Touches call, Touches answer) {
        int copied = 0;
        for (Touch a : answer.list()) {
            for (Touch c : call.list()) {
                if (c.time() > a.time() + COPY_SECONDS) break; // touches are in time order
                if (Math.abs(c.time() - a.time()) <= COPY_SECONDS && Math.hypot(c.x() - a.x(), c.y() - a.y()) <= COPY_DISTANCE) {
                    copied++;
                    break;
                }
            }
        }
        return copied / (double) answer.size();
    }

    /** Each performance's character, standardised by the mean and standard deviation of the reference's. */
    private static double[][] standardised(List<Touches> performances, List<Touches> reference) {
        double[][] ref = reference.stream().map(PerformanceCharacter::of).toArray(double[][]::new);
        int width = ref[0].length;
        double[] mean = new double[width], sd = new double[width];
        for (double[] r : ref) for (int j = 0; j < width; j++) mean[j] += r[j] / ref.length;
        for (double[] r : ref) for (int j = 0; j < width; j++) sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / ref.length;
        for (int j = 0; j < width; j++) sd[j] = Math.sqrt(sd[j]) > 0 ? Math.sqrt(sd[j]) : 1;
        double[][] out = new double[performances.size()][];
        for (int i = 0; i < out.length; i++) {
            double[] c = PerformanceCharacter.of(performances.get(i));
            for (int j = 0; j < width; j++) c[j] = (c[j] - mean[j]) / sd[j];
            out[i] = c;
        }
        return out;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) sum += (a[j] - b[j]) * (a[j] - b[j]);
        return sum;
    }
}
