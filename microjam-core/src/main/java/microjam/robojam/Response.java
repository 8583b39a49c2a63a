// Generating one response, as a sequence of network steps that a batcher drives:
//   1. reset the state; feed every call touch as the contract's input row (dt = time since the previous
//      touch, the first one's time itself); an empty call feeds one
//      zero input, so the response is unconditioned; a model trained with PerformanceStart steps
//      reads one before the call (if any) and one after it, where the response begins; a style-conditioned
//      model reads the call's PerformanceStyle beside every input, for the call and its answer alike;
//   2. sample a touch from the head's mixture and read it as the contract says (Contract.position, gap);
//      the first touch is at time 0 and a tap, later ones come dt after the previous and are taps when dt > 0.1 s, else moving;
//      z is a constant;
//   3. stop before a touch past 5 s or after 1,000 touches; otherwise feed the touch back and go to 2.
// Step 1 is the same for every candidate answer to a call (no draw is made until it is done), so RoboJam
// reads the call once (a call reader) and forks each candidate from its state. A candidate can also pause
// before drawing the first touch at or past a given time, and resume later where it stopped: the bits are
// those of an uninterrupted draw, which lets RoboJam drop the candidates that drift before finishing them.
package microjam.robojam;

import microjam.performance.Touch;
import microjam.performance.Touches;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

final class Response {
    static final int MAX_TOUCHES = 1000;
    static final double TAP_AFTER = 0.1;
    static final float TOUCH_SIZE = 20f;

    private final Shape shape;
    private final Contract contract;
    private final Touches call;
    private final Settings settings;
    private final Response prefix; // the call reader this candidate forks from, or null: it reads the call itself
    private final boolean readsOnly; // a call reader: stops once the call is read, before any draw
    private boolean begun, done;
    private double pauseAt = Double.POSITIVE_INFINITY;
    private final SplittableRandom random;
    final State state;
    private final double[] times = new double[MAX_TOUCHES], xs = new double[MAX_TOUCHES], ys = new double[MAX_TOUCHES];
    private final boolean[] moving = new boolean[MAX_TOUCHES];
    private int count;        // response touches so far
    private final float[] start;  // the PerformanceStart step (scaled) before and after the call, or null
    private final float[] style;  // a conditioned model's style codes, read beside every input, or null
    private final int inputs; // steps fed before sampling: start steps and call touches
    private int fed;          // of those, fed so far
    private double time;      // response time of the last touch
    private double previousCallTime;
    int steps;

    /** Reads the call (and its start steps) and stops: the state every candidate for this call forks from. */
    static Response callReader(Network network, Touches call, float[] style) {
        return new Response(network, call, new Settings(0, 0, 0), style, null, true);
    }

    /** A candidate that starts from a call reader's state (which must have read the call by then). */
    static Response fork(Network network, Response reader, Settings settings) {
        if (!reader.readsOnly) throw new IllegalArgumentException("a candidate forks from a call reader");
        return new Response(network, reader.call, settings, reader.style, reader, false);
    }

    private Response(Network network, Touches call, Settings settings, float[] style, Response prefix, boolean readsOnly) {
        this.prefix = prefix;
        this.readsOnly = readsOnly;
        this.shape = network.shape();
        this.contract = network.model().contract();
        this.call = call;
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
        this.state = network.newState();
        this.start = contract.startSteps() ? contract.startRow() : null;
        this.style = style;
        this.inputs = inputs(network.model(), call);
    }

    /** Steps fed before sampling: a start step before and after the call when the model reads them, and each call touch (an empty call: one zero
     * input, or one start step). */
    static int inputs(Model model, Touches call) {
        return model.contract().startSteps() ? (call.isEmpty() ? 1 : call.size() + 2) : Math.max(1, call.size());
    }

    /** The most steps an answer to this call can take, n candidates forked from one reading of the call: every input once, then a step per touch up
     * to the limit for each. */
    static long maxSteps(Model model, Touches call, int candidates) {
        return inputs(model, call) + (long) candidates * MAX_TOUCHES;
    }

    /** Pause before drawing the first touch at or past this many seconds of the answer (until resumed by the next start). */
    void pauseAt(double seconds) {
        pauseAt = seconds;
    }

    /**
     * Prepares the next step and answers true, or answers false when there is nothing to step: the first
     * time, it reads the first input (or, for a fork, takes its reader's state and draws); after a pause, it
     * resumes, drawing where it stopped; once done, it stays done.
     */
    boolean start() {
        if (done) return false;
        if (begun) pauseAt = Double.POSITIVE_INFINITY; // resumed: it runs to its end
        else {
            begun = true;
            if (prefix == null) {
                state.reset();
                if (style != null) state.condition(style);
                feedNext();
                return true;
            }
            if (!prefix.done) throw new IllegalStateException("a candidate starts once its call is read");
            state.copyFrom(prefix.state);
            fed = inputs;
            previousCallTime = prefix.previousCallTime;
        }
        return draw();
    }

    /** Called after each step; prepares the next one and answers true, or answers false when done or paused. */
    boolean advance() {
        steps++;
        if (fed < inputs) {
            feedNext();
            return true;
        }
        if (readsOnly) return finished();
        if (count > 0 && time >= pauseAt) return false;
        return draw();
    }

    /** Whether this response has stopped for good (a pause is not a stop). */
    boolean done() {
        return done;
    }

    private boolean finished() {
        done = true;
        return false;
    }

    /** Draws the next touch from the state's mixture and feeds it back, or stops (answers false) past 5 s or 1,000 touches. */
    private boolean draw() {
        if (count == MAX_TOUCHES) return finished();
        Sampler.mixture(state.logits, shape.mixtures(), settings.temperature(), state.weights);
        int k = Sampler.component(state.weights, shape.mixtures(), random);
        Sampler.sample(state.means, state.scales, k, shape.dimensions(), settings.sigmaTemperature(), random, state.draw);
        double x = contract.position(state.draw[0]), y = contract.position(state.draw[1]), dt = contract.gap(state.draw[2]);
        boolean first = count == 0;
        double at = first ? 0 : time + dt;
        if (at > Touches.MAX_SECONDS) return finished();
        time = at;
        times[count] = at;
        xs[count] = x;
        ys[count] = y;
        moving[count++] = !first && RoboJam.moving(dt);
        float[] row = contract.touchRow(x, y, dt);
        state.input(row[0], row[1], row[2]);
        return true;
    }

    private void feedNext() {
        int i = fed++;
        if (start != null && (i == 0 || i == inputs - 1)) state.input(start[0], start[1], start[2]);
        else if (call.isEmpty()) state.input(0f, 0f, 0f);
        else feedCallTouch(call.get(start != null ? i - 1 : i));
    }

    private void feedCallTouch(Touch t) {
        float[] row = contract.touchRow(t.x(), t.y(), t.time() - previousCallTime);
        previousCallTime = t.time();
        state.input(row[0], row[1], row[2]);
    }

    Touches touches() {
        List<Touch> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) list.add(new Touch(times[i], xs[i], ys[i], TOUCH_SIZE, moving[i]));
        return new Touches(list);
    }
}
