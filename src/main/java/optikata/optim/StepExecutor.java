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

    private static final int THRESHOLD = Integer.getInteger("optikata.parallel.threshold", 1 << 19);
    private static final int THREADS = Math.max(1, Integer.getInteger("optikata.parallel.threads",
            Runtime.getRuntime().availableProcessors()));
    /** How long a worker spins for the next job before it parks (onSpinWait iterations). */
    private static final int SPINS = 1 << 12;

    private static final StepExecutor INSTANCE = new StepExecutor(THREADS - 1);

    private final ReentrantLock lock = new ReentrantLock();
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
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
        INSTANCE.execute(job, n);
    }

    private void execute(RangeJob task, int n) {
        int parts = workers.length + 1;
        if (parts == 1 || n < THRESHOLD || !lock.tryLock()) {
            task.run(0, n);
            return;
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
            pending.set(workers.length);
            generation = generation + 1;
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
            task.run(bounds[0], bounds[1]);
            while (pending.get() != 0) {
                Thread.onSpinWait();
            }
            job = null;
        } finally {
            lock.unlock();
        }
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
                job.run(bounds[part], bounds[part + 1]);
            } finally {
                pending.decrementAndGet();
            }
        }
    }
}
