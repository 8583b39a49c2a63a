// Made-up calls that bring RoboJam's kernel to full speed: until the JIT has compiled the vector code
// (a few thousand steps) a response takes seconds instead of milliseconds. A server runs these when it
// starts, so the first person to jam with RoboJam does not wait for the compiler.
package microjam.robojam;

import microjam.performance.Touch;
import microjam.performance.Touches;

import java.util.ArrayList;
import java.util.List;

public final class WarmUp {
    /**
     * Responses a server answers before anyone asks: enough for C2 to compile the per-step kernel. Counted in
     * responses of the recommended sampling, so its cost grows with the candidates: at 64, 100 of them kept a
     * starting server busy for 18 CPU-seconds, into the first load it served; 20 take 9 (start-up included) and
     * leave the first answers as fast (150–187 ms here either way).
     */
    public static final int SERVER_RESPONSES = 20;

    private WarmUp() {
    }

    /** A 5-second call of 200 touches: swipes of 20 touches each, like a real performance. */
    public static Touches fiveSecondCall() {
        List<Touch> touches = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double t = i * 5.0 / 200;
            touches.add(new Touch(t, 0.5 + 0.4 * Math.sin(i / 7.0), 0.5 + 0.4 * Math.cos(i / 11.0), 20, i % 20 != 0));
        }
        return new Touches(touches);
    }

    /**
     * Answers the made-up call this many times (seeds 0, 1, …) at the model's recommended sampling, discarding
     * the answers; every other answer draws one candidate, so batches of one state are compiled too.
     */
    public static void run(RoboJam robojam, int responses, Runnable afterEach) {
        Touches call = fiveSecondCall();
        Sampling recommended = robojam.model().recommended(), oneDraw = recommended.or(null, null, 1);
        for (int i = 0; i < responses; i++) {
            robojam.respond(call, (i % 2 == 0 ? oneDraw : recommended).withSeed(i));
            afterEach.run();
        }
    }
}
