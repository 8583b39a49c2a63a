// RoboJam: answers a call performance with a new one of up to 5 s, sampled from a loaded model.
// Weights are shared, read-only, by all requests; each request has its own state and its own seed.
// Admission: each call is counted at its most network steps before any work, and refused at once when
// the work admitted (in flight and queued) would pass a budget; a call cancelled (its client went away,
// its deadline passed) leaves the batcher and frees its share at once.
package microjam.robojam;

import microjam.performance.Colour;
import microjam.performance.Touches;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

public final class RoboJam implements AutoCloseable {
    /** RoboJam's colours: its performer's and its layers' colour, and its layers' background (the web app's too, via /js/facts.js). */
    public static final String COLOUR_HEX = "#f44708", BACKGROUND_HEX = "#550527";
    public static final Colour COLOUR = new Colour(COLOUR_HEX), BACKGROUND = new Colour(BACKGROUND_HEX);
    public static final int MAX_BATCH = 64;
    /** How long respond (the way in for local tools: warm-up, bench, evaluate) waits before it stops the work and gives up. */
    public static final long TIMEOUT_SECONDS = 60;

    /**
     * The most network steps the largest call the API allows can take: a call of 2,000 touches and its 2
     * start steps read once, then 64 candidates drawing up to 1,000 touches each: 2,002 + 64,000 = 66,002.
     */
    public static final long LARGEST_CALL_STEPS = Touches.MAX_TOUCHES + 2 + (long) Settings.MAX_CANDIDATES * Response.MAX_TOUCHES;

    /**
     * The default budget of work admitted at once, in flight and queued, counting each call at its most
     * steps (the call's steps + candidates × 1,000): 660,020 steps, ten of the largest calls or ten calls as
     * the web app makes them with the shipped model's 64 candidates (a 200-touch call: 200 + 64,000), so that
     * a server with nothing else to do always takes a call. Why no more: the shipped model (2 × 256) on one
     * core of the 2-core reference machine did about 57,000 steps a second in the 64-wide batches of such
     * calls (`microjam bench robojam --model … --candidates 64 --threads 1 --clients 8`: 7.3 answers a second
     * of 7,851 steps each), so even a budget of largest calls, each taking all its steps, is done in about
     * 12 s on one core: inside the server's deadline (ServerConfig.Timeouts) on two. A web-app call takes
     * about an eighth of its most steps (most candidates stop at 2.5 s, answers seldom reach 1,000 touches).
     */
    public static final long DEFAULT_STEP_BUDGET = 10 * LARGEST_CALL_STEPS;

    public record Answer(Touches touches, int steps, long nanos) {
        public double millis() {
            return nanos / 1e6;
        }
    }

    /** What RoboJam holds now and has done since it started: steps admitted, candidate draws started, calls refused, draws stopped before their end. */
    public record Load(long stepsInFlight, long stepBudget, long draws, long refused, long cancelled) {
    }

    /** A call refused at once, before any work, because the work admitted would pass the budget. */
    public static final class Busy extends RuntimeException {
        Busy(long steps, long inFlight, long budget) {
            super("RoboJam is busy: a call of up to " + steps + " steps does not fit beside the " + inFlight + " in flight (at most " + budget + ")",
                    null, false, false);
        }
    }

    private final Network network;
    private final Batcher batcher;
    private final long stepBudget;
    private final AtomicLong stepsInFlight = new AtomicLong();
    private final LongAdder draws = new LongAdder(), refused = new LongAdder(), cancelled = new LongAdder();

    public RoboJam(Model model) {
        this(model, Runtime.getRuntime().availableProcessors());
    }

    /** Weights held in the precision the model is stored in (its contract's). */
    public RoboJam(Model model, int threads) {
        this(model, threads, DEFAULT_STEP_BUDGET);
    }

    /** Weights held in the given precision: Precision.BFLOAT16 reads half the bytes per step (see Precision). */
    public RoboJam(Model model, int threads, Precision precision) {
        this(model, threads, DEFAULT_STEP_BUDGET, precision);
    }

    /** stepBudget: the most steps admitted at once (at least LARGEST_CALL_STEPS, so that every valid call can run on an idle server). */
    public RoboJam(Model model, int threads, long stepBudget) {
        this(model, threads, stepBudget, model.contract().weights());
    }

    /** The most steps admitted at once, and the precision the weights are held in. */
    public RoboJam(Model model, int threads, long stepBudget, Precision precision) {
        if (stepBudget < LARGEST_CALL_STEPS)
            throw new IllegalArgumentException("the RoboJam budget must be at least " + LARGEST_CALL_STEPS + " steps, the largest call (was " + stepBudget + ")");
        this.network = new Network(model, precision);
        this.stepBudget = stepBudget;
        this.batcher = new Batcher(network, Math.max(1, threads), MAX_BATCH);
    }

    /** Gaps longer than this (seconds) make a generated touch a tap. */
    public static final double TAP_AFTER = Response.TAP_AFTER;

    /** The original's rule for a generated touch after the first: moving when it comes within 0.1 s of the previous one, else a tap. */
    public static boolean moving(double dt) {
        return dt <= Response.TAP_AFTER;
    }

    public Model model() {
        return network.model();
    }

    public Precision precision() {
        return network.precision();
    }

    /** Bytes of weights each network step reads (all of them, once): see Network.weightBytesPerStep. */
    public long weightBytesPerStep() {
        return network.weightBytesPerStep();
    }

    public static String kernel() {
        return Kernels.describe();
    }

    public Load load() {
        return new Load(stepsInFlight.get(), stepBudget, draws.sum(), refused.sum(), cancelled.sum());
    }

    /**
     * Answers the call, waiting as long as it takes (up to TIMEOUT_SECONDS): for local tools. Its work counts
     * in the budget but is never refused; the server calls start instead.
     */
    public Answer respond(Touches call, Settings settings) {
        try {
            return start(call, settings, false).await(Duration.ofSeconds(TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while RoboJam was responding", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("RoboJam took longer than " + TIMEOUT_SECONDS + " s to respond");
        }
    }

    /**
     * Starts answering the call, or refuses it at once (Busy) when its most steps would take the work
     * admitted past the budget. With several candidates (Candidates), each round's responses are stepped
     * together by the batcher, so they share each read of the weights.
     */
    public Pending start(Touches call, Settings settings) {
        return start(call, settings, true);
    }

    private Pending start(Touches call, Settings settings, boolean refuseOverBudget) {
        long started = System.nanoTime();
        long steps = Candidates.maxSteps(network.model(), call, settings);
        admit(steps, refuseOverBudget);
        Pending pending;
        try {
            pending = new Pending(new Candidates(network, call, settings), started);
        } catch (RuntimeException e) {
            stepsInFlight.addAndGet(-steps);
            throw e;
        }
        draws.add(pending.candidates.size());
        pending.answer.whenComplete((done, failure) -> stepsInFlight.addAndGet(-steps)); // answered, failed or cancelled: its share is free at once
        return pending;
    }

    private void admit(long steps, boolean refuseOverBudget) {
        for (long now = stepsInFlight.get(); ; now = stepsInFlight.get()) {
            if (refuseOverBudget && now + steps > stepBudget) {
                refused.increment();
                throw new Busy(steps, now, stepBudget);
            }
            if (stepsInFlight.compareAndSet(now, now + steps)) return;
        }
    }

    /** A call being answered: wait for it, or cancel it, which stops all its draws (queued or in the batch) and frees its share of the budget at once. */
    public final class Pending {
        private final Candidates candidates;
        private final long started;
        private final CompletableFuture<Answer> answer;
        private List<CompletableFuture<Void>> inFlight = List.of(); // the round being stepped; guarded by this
        private boolean stopped; // guarded by this

        private Pending(Candidates candidates, long started) {
            this.candidates = candidates;
            this.started = started;
            this.answer = rounds().thenApply(done -> new Answer(candidates.answer(), candidates.steps(), System.nanoTime() - started));
        }

        /** Steps each round in turn, starting the next when the last of the previous one is done. */
        private CompletableFuture<Void> rounds() {
            List<Response> round = candidates.nextRound();
            if (round.isEmpty()) return CompletableFuture.completedFuture(null);
            List<CompletableFuture<Void>> submitted = new ArrayList<>(round.size());
            synchronized (this) {
                if (stopped) return CompletableFuture.failedFuture(new CancellationException("cancelled"));
                try {
                    for (Response response : round) submitted.add(batcher.submit(response));
                } catch (RuntimeException e) {
                    submitted.forEach(f -> f.cancel(false));
                    return CompletableFuture.failedFuture(e);
                }
                inFlight = submitted;
            }
            return CompletableFuture.allOf(submitted.toArray(CompletableFuture[]::new)).thenCompose(done -> rounds());
        }

        /**
         * The answer, once every candidate is drawn. Past the timeout, or when the waiting thread is
         * interrupted, the call is cancelled before the exception is thrown; a call cancelled meanwhile
         * throws CancellationException.
         */
        public Answer await(Duration timeout) throws TimeoutException, InterruptedException {
            try {
                return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | InterruptedException e) {
                cancel();
                throw e;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof CancellationException c) throw c;
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }

        /** Stops every draw not yet done; does nothing once the call is answered. */
        public void cancel() {
            List<CompletableFuture<Void>> stopping;
            synchronized (this) {
                stopped = true;
                stopping = inFlight;
            }
            for (CompletableFuture<Void> f : stopping)
                if (f.cancel(false)) cancelled.increment();
        }
    }

    /**
     * Answers the call on the calling thread, stepping each response of each round alone, one after another:
     * no batcher, no helper threads, no budget, for a runtime with one thread (a browser, through TeaVM).
     * Batching changes the speed, never the bits, so the answer is respond's.
     */
    public static Answer respondHere(Network network, Touches call, Settings settings) {
        long started = System.nanoTime();
        Candidates candidates = new Candidates(network, call, settings);
        Network.Batch batch = new Network.Batch(1, null);
        batch.size = 1;
        for (List<Response> round; !(round = candidates.nextRound()).isEmpty(); )
            for (Response response : round) {
                if (!response.start()) continue;
                batch.states[0] = response.state;
                do network.step(batch); while (response.advance());
            }
        return new Answer(candidates.answer(), candidates.steps(), System.nanoTime() - started);
    }

    @Override
    public void close() {
        batcher.close();
    }
}
