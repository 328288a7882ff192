package optikata.optim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Splits one large step across the cores without allocating: a fixed set of daemon worker
 * threads, started on first use, wait for a generation counter to move and then take chunks of
 * the element range from a shared counter, as the calling thread does. The caller never waits for
 * a worker that has not started: chunks nobody claimed yet it runs itself, so a worker that wakes
 * late (parked, or its core busy with another process) costs nothing, and a split step is never
 * much slower than the same step on one thread. The caller waits only for chunks a worker has
 * claimed and is running. One step at a time uses the workers; a step that finds them busy
 * (another thread is stepping another optimizer) runs on its own thread instead.
 *
 * <p>A {@link CheckedJob} runs in two phases within the same hand-off: every chunk is checked, all
 * threads wait until every check is done, and only when all passed are the chunks updated. So a
 * rejected step writes nothing, and the check costs no second hand-off.
 *
 * <p>Only steps of at least {@link #threshold()} elements are split (system property
 * {@code optikata.parallel.threshold}, default 2¹⁶ = 65536; {@code optikata.parallel.threads} sets
 * the number of threads, default the available processors, 1 turns splitting off). Measured in
 * docs/PERFORMANCE.md: with the workers still spinning from the previous step, splitting the checked
 * step pays from a few thousand elements; a worker that has parked (the step came more than a
 * fraction of a millisecond after the last) takes about 20 µs to wake on an idle machine, which a
 * split repays from about 3·10⁴ elements; 2¹⁶ leaves a margin of two.
 */
final class StepExecutor {
    /** A range job: the optimizer's fused loop over {@code [from, to)}. */
    interface RangeJob {
        void run(int from, int to);
    }

    /** A range job with a check that must pass on every chunk before any chunk is run. */
    interface CheckedJob extends RangeJob {
        /** Whether {@code [from, to)} may be updated; reads only, writes nothing. */
        boolean check(int from, int to);
    }

    private static final int THRESHOLD = Integer.getInteger("optikata.parallel.threshold", 1 << 16);
    private static final int THREADS = Math.max(
            1,
            Integer.getInteger("optikata.parallel.threads", Runtime.getRuntime().availableProcessors()));
    /** How long a worker spins for the next job before it parks (onSpinWait iterations). */
    private static final int SPINS = 1 << 12;
    /** Chunks per thread: enough that a worker waking late still takes a share. */
    private static final int CHUNKS_PER_THREAD = 4;
    /** Smallest chunk, in elements: a claim costs about as much as updating a few hundred. */
    private static final int MIN_CHUNK = 4096;

    private static final StepExecutor INSTANCE = new StepExecutor(THREADS - 1);

    private final ReentrantLock lock = new ReentrantLock();
    private final Thread[] workers;
    private volatile long generation;
    /**
     * The next chunk to claim in each phase: the generation in the high 32 bits, the number of
     * chunks in the next 16 and the next chunk in the low 16, so that a claim compares against the
     * count of its own job and a worker still busy with an earlier job never claims a chunk of a
     * later one.
     */
    private final AtomicLong nextCheck = new AtomicLong(-1L << 32);

    private final AtomicLong nextRun = new AtomicLong(-1L << 32);
    /** Chunks finished in each phase of the current job. */
    private final AtomicInteger checksDone = new AtomicInteger();

    private final AtomicInteger runsDone = new AtomicInteger();
    /** Whether a chunk failed its check; written before {@code checksDone} counts it. */
    private volatile boolean failed;
    /** The job and its chunking; written before {@code generation} moves. */
    private RangeJob job;

    private boolean checked;
    private int size;
    private int chunk;
    private int chunks;

    private StepExecutor(int workerCount) {
        this.workers = new Thread[workerCount];
    }

    static int threshold() {
        return THRESHOLD;
    }

    /** Runs {@code job} over {@code [0, n)}, split across the threads when it pays. */
    static void run(RangeJob job, int n) {
        INSTANCE.execute(job, false, n);
    }

    /**
     * Checks every chunk of {@code [0, n)} and, only if every check passed, runs the job on every
     * chunk; split across the threads when it pays.
     *
     * @return whether the checks passed (and the job ran); when not, the job ran on no element
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
            int count = Math.max(parts, Math.min(parts * CHUNKS_PER_THREAD, n / MIN_CHUNK));
            // Chunks aligned to 8 elements (one cache line of doubles), so no line is written by two threads.
            chunk = ((n + count - 1) / count + 7) & ~7;
            chunks = (n + chunk - 1) / chunk;
            size = n;
            job = task;
            checked = check;
            failed = false;
            checksDone.set(0);
            runsDone.set(0);
            long gen = (generation + 1) & 0xFFFF_FFFFL;
            nextCheck.set(gen << 32 | (long) chunks << 16);
            nextRun.set(gen << 32 | (long) chunks << 16);
            generation = gen;
            for (Thread w : workers) {
                LockSupport.unpark(w);
            }
            boolean passed = take(gen);
            while (runsDone.get() != (passed ? chunks : 0)) {
                Thread.onSpinWait();
            }
            job = null;
            return passed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Claims and runs chunks of job {@code gen} until none is left; the caller and the workers alike.
     * Returns whether the checks passed. The caller returns only when every check is done; a worker
     * that finds the job over returns at once.
     */
    private boolean take(long gen) {
        RangeJob task = job;
        if (task == null) {
            return false;
        }
        boolean check = checked;
        if (check) {
            for (int c; (c = claim(nextCheck, gen)) >= 0; ) {
                boolean ok = false;
                try {
                    ok = ((CheckedJob) task).check(c * chunk, Math.min(size, (c + 1) * chunk));
                } finally {
                    if (!ok) {
                        failed = true;
                    }
                    checksDone.incrementAndGet();
                }
            }
            // The barrier: no chunk is updated before every chunk is checked.
            while (checksDone.get() != chunks && generation == gen) {
                Thread.onSpinWait();
            }
            if (failed || generation != gen) {
                return false;
            }
        }
        for (int c; (c = claim(nextRun, gen)) >= 0; ) {
            try {
                task.run(c * chunk, Math.min(size, (c + 1) * chunk));
            } finally {
                runsDone.incrementAndGet();
            }
        }
        return true;
    }

    /** The next unclaimed chunk of job {@code gen}, or -1 when none is left or the job is another. */
    private int claim(AtomicLong next, long gen) {
        while (true) {
            long v = next.get();
            int index = (int) (v & 0xFFFF);
            if (v >>> 32 != gen || index >= (int) (v >>> 16 & 0xFFFF)) {
                return -1;
            }
            if (next.compareAndSet(v, v + 1)) {
                return index;
            }
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
            Thread t = new Thread(() -> work(start), "optikata-step-" + (k + 1));
            t.setDaemon(true);
            workers[k] = t;
            t.start();
        }
    }

    private void work(long start) {
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
            take(now);
        }
    }
}
