// Splits one step's work across the machine's cores: the caller runs part 0, helper threads the rest.
// Helpers spin briefly between parts (a step is a fraction of a millisecond) and park when idle, so an
// idle server uses no CPU. A lone request thus gets every core's cache bandwidth for its weights.
package microjam.robojam;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

// Not final, so that TeaVM (RoboJam in the browser) treats run as a virtual call with no receiver ever made, and
// never compiles the helper threads (LockSupport, Thread.onSpinWait), which its class library lacks.
class Parallel implements AutoCloseable {
    interface Task {
        void run(int part, int parts);
    }

    private static final long SPIN_NANOS = 200_000;

    private final Helper[] helpers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Task task;
    private volatile long generation;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    Parallel(int threads) {
        helpers = new Helper[Math.max(0, threads - 1)];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper(i + 1);
            helpers[i].thread.start();
        }
    }

    int parts() {
        return helpers.length + 1;
    }

    void run(Task work) {
        if (helpers.length == 0) {
            work.run(0, 1);
            return;
        }
        failure = null;
        task = work;
        pending.set(helpers.length);
        generation++;
        for (Helper h : helpers) if (h.parked) LockSupport.unpark(h.thread);
        work.run(0, parts());
        while (pending.get() != 0) Thread.onSpinWait();
        RuntimeException failed = failure;
        if (failed != null) throw failed;
    }

    @Override
    public void close() {
        closed = true;
        for (Helper h : helpers) LockSupport.unpark(h.thread);
    }

    private final class Helper implements Runnable {
        final int part;
        final Thread thread;
        volatile boolean parked;

        Helper(int part) {
            this.part = part;
            this.thread = new Thread(this, "robojam-helper-" + part);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            while (!closed) {
                long idleSince = System.nanoTime();
                while (generation == seen && !closed) {
                    if (System.nanoTime() - idleSince < SPIN_NANOS) {
                        Thread.onSpinWait();
                        continue;
                    }
                    parked = true;
                    if (generation == seen && !closed) LockSupport.park(this);
                    parked = false;
                }
                if (closed) return;
                seen = generation;
                try {
                    task.run(part, parts());
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    pending.decrementAndGet();
                }
            }
        }
    }
}
