package optikata.optim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Splits one large step across the cores without allocating: a fixed set of daemon worker
 * threads, started on first use, wait for a generation counter to move, run their share of the
 * element range and count down. The calling thread runs the first share itself and spins until
 * the others are done. One step at a time uses the workers; a step that finds them busy (another
 * thread is stepping another optimizer) runs on its own thread instead.
 *
 * <p>A {@link CheckedJob} runs in two phases within the same hand-off: every thread checks its own
 * share, all wait for each other, and only when every share passed does any thread update. So a
 * rejected step writes nothing, and the check costs no second hand-off.
 *
 * <p>Handing work to a parked thread costs tens of microseconds, so only steps of at least
 * {@link #threshold()} elements are split (system property {@code optikata.parallel.threshold},
 * default 2¹⁹ = 524288, measured in {@code docs/PERFORMANCE.md}); {@code optikata.parallel.threads}
 * sets the number of threads (default: the available processors; 1 turns splitting off).
 */
final class StepExecutor {
    /** A range job: the optimizer's fused loop over {@code [from, to)}. */
    interface RangeJob {
        void run(int from, int to);
    }

    /** A range job with a check that must pass on every share before any share is run. */
    interface CheckedJob extends RangeJob {
        /** Whether {@code [from, to)} may be updated; reads only, writes nothing. */
        boolean check(int from, int to);
    }

    private static final int THRESHOLD = Integer.getInteger("optikata.parallel.threshold", 1 << 19);
    private static final int THREADS = Math.max(1, Integer.getInteger("optikata.parallel.threads",
            Runtime.getRuntime().availableProcessors()));
    /** How long a worker spins for the next job before it parks (onSpinWait iterations). */
    private static final int SPINS = 1 << 12;

    private static final StepExecutor INSTANCE = new StepExecutor(THREADS - 1);

    private final ReentrantLock lock = new ReentrantLock();
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    /** Shares still checking, in a checked job; the barrier between the check and the update. */
    private final AtomicInteger checking = new AtomicInteger();
    /** Whether a share failed its check; written before {@code checking} counts down. */
    private volatile boolean failed;
    /** Whether the posted job is a {@link CheckedJob}; written before {@code generation} moves. */
    private boolean checked;
    private volatile long generation;
    /** The job and the range boundaries; written before {@code generation} moves. */
    private RangeJob job;
    private final int[] bounds;

    private StepExecutor(int workerCount) {
        this.workers = new Thread[workerCount];
        this.bounds = new int[workerCount + 2];
    }

    static int threshold() {
        return THRESHOLD;
    }

    /** Runs {@code job} over {@code [0, n)}, split across the threads when it pays. */
    static void run(RangeJob job, int n) {
        INSTANCE.execute(job, false, n);
    }

    /**
     * Checks every share of {@code [0, n)} and, only if every check passed, runs the job on every
     * share; split across the threads when it pays.
     *
     * @return whether the checks passed (and the job ran); when not, the job ran on no share
     */
    static boolean runChecked(CheckedJob job, int n) {
        return INSTANCE.execute(job, true, n);
    }

    private boolean execute(RangeJob task, boolean check, int n) {
        int parts = workers.length + 1;
        if (parts == 1 || n < THRESHOLD || !lock.tryLock()) {
            if (check && !((CheckedJob) task).check(0, n)) {
                return false;
            }
            task.run(0, n);
            return true;
        }
        try {
            startWorkers();
            // Shares aligned to 8 elements (one cache line of doubles), so no line is written by two threads.
            int share = ((n / parts) + 7) & ~7;
            for (int k = 0; k <= parts; k++) {
                bounds[k] = Math.min(n, k * share);
            }
            bounds[parts] = n;
            job = task;
            checked = check;
            failed = false;
            checking.set(parts);
            pending.set(workers.length);
            generation = generation + 1;
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
            share(task, check, bounds[0], bounds[1]);
            while (pending.get() != 0) {
                Thread.onSpinWait();
            }
            job = null;
            return !(check && failed);
        } finally {
            lock.unlock();
        }
    }

    /** One thread's share: in a checked job, its check, the barrier, and its update if all passed. */
    private void share(RangeJob task, boolean check, int from, int to) {
        if (check) {
            boolean ok = false;
            try {
                ok = ((CheckedJob) task).check(from, to);
            } finally {
                if (!ok) {
                    failed = true;
                }
                checking.decrementAndGet();
            }
            while (checking.get() != 0) {
                Thread.onSpinWait();
            }
            if (failed) {
                return;
            }
        }
        task.run(from, to);
    }

    private void startWorkers() {
        if (workers.length == 0 || workers[0] != null) {
            return;
        }
        // A worker must wait for the generation after this one, even if it starts running only
        // after the first job was posted.
        long start = generation;
        for (int k = 0; k < workers.length; k++) {
            int part = k + 1;
            Thread t = new Thread(() -> work(part, start), "optikata-step-" + part);
            t.setDaemon(true);
            workers[k] = t;
            t.start();
        }
    }

    private void work(int part, long start) {
        long seen = start;
        while (true) {
            long now;
            int spins = 0;
            while ((now = generation) == seen) {
                if (spins++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = now;
            try {
                share(job, checked, bounds[part], bounds[part + 1]);
            } finally {
                pending.decrementAndGet();
            }
        }
    }
}
