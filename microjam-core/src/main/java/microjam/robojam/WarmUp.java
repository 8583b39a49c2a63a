// Made-up calls that bring RoboJam's kernel to full speed: until the JIT has compiled the vector code
// (a few thousand steps) a response takes seconds instead of milliseconds. A server runs these when it
// starts, so the first person to jam with RoboJam does not wait for the compiler.
package microjam.robojam;

import microjam.performance.Touch;
import microjam.performance.Touches;

import java.util.ArrayList;
import java.util.List;

public final class WarmUp {
    /** Responses a server answers before anyone asks: enough for C2 to compile the per-step kernel. */
    public static final int SERVER_RESPONSES = 100;

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

    /** Candidates per answer the web app asks for: every other warm-up answer draws as many, so batches of several states are compiled too. */
    static final int CANDIDATES = 4;

    /** Answers the made-up call this many times (seeds 0, 1, …), discarding the answers. */
    public static void run(RoboJam robojam, int responses, Runnable afterEach) {
        Touches call = fiveSecondCall();
        for (int i = 0; i < responses; i++) {
            robojam.respond(call, Settings.defaults(i, i % 2 == 0 ? 1 : CANDIDATES));
            afterEach.run();
        }
    }
}
