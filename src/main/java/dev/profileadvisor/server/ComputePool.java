package dev.profileadvisor.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The threads that compute answers (recommendations, audits, explanations): a fixed number, a bounded queue, and
 * a time limit per task.
 *
 * <p>A task past its time limit is interrupted, and the paths that compute an answer check the interrupt between
 * their steps. A step that does not check it (parsing a posted TOML text, say) runs on to its end; such a task is
 * <em>abandoned</em>: its thread is replaced by a new one so the server keeps its capacity, at most as many times
 * as there are computing threads. Beyond that, abandoned tasks keep their threads and new requests wait or are
 * refused (503), so at most twice the computing threads burn CPU, whatever the clients send.
 */
final class ComputePool {
    private final ThreadPoolExecutor pool;
    private final int threads;
    private final int maxAbandoned;
    /** Abandoned tasks that got a replacement thread and are still running; guarded by {@code this}. */
    private int replaced;

    ComputePool(int threads, int queueLimit, ThreadFactory factory) {
        this.threads = threads;
        this.maxAbandoned = threads;
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                queueLimit == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueLimit),
                factory, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Thrown when the task did not finish in time; it has been interrupted (and abandoned if it runs on). */
    static final class TooSlow extends Exception {
        private static final long serialVersionUID = 1L;

        TooSlow() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs a task and waits for it until the deadline.
     *
     * @param task     the work
     * @param deadline {@link System#nanoTime()} by which it must be done
     * @return what the task returned
     * @throws RejectedExecutionException if the queue is full
     * @throws TooSlow                    if the deadline passed first (the task is interrupted)
     * @throws ExecutionException         if the task threw
     * @throws InterruptedException       if the waiting thread was interrupted (the task is interrupted too)
     */
    <T> T run(Callable<T> task, long deadline) throws TooSlow, ExecutionException, InterruptedException {
        Job<T> job = new Job<>(task, deadline);
        Future<T> f = pool.submit(job);
        try {
            return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stop(f, job);
            throw new TooSlow();
        } catch (InterruptedException e) {
            stop(f, job);
            throw e;
        }
    }

    private void stop(Future<?> f, Job<?> job) {
        f.cancel(true);
        if (f instanceof Runnable r) pool.remove(r); // a task still queued frees its place at once
        abandon(job);
    }

    /** @return how many abandoned tasks are still running on a replacement's account */
    synchronized int abandoned() {
        return replaced;
    }

    /** Stops the threads (interrupting the running tasks). */
    void shutdownNow() {
        pool.shutdownNow();
    }

    private synchronized void abandon(Job<?> job) {
        if (!job.started || job.finished || job.replacedThread || replaced >= maxAbandoned) return;
        job.replacedThread = true;
        replaced++;
        resize();
    }

    private synchronized void finished(Job<?> job) {
        job.finished = true;
        if (!job.replacedThread) return;
        replaced--;
        resize();
    }

    /** Grows or shrinks the pool to the computing threads plus one per abandoned task that got a replacement. */
    private void resize() {
        int size = threads + replaced;
        if (size > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(size);
            pool.setCorePoolSize(size); // starts a thread for a queued task at once
        } else {
            pool.setCorePoolSize(size);
            pool.setMaximumPoolSize(size); // the extra thread ends when it is next idle
        }
    }

    /** A task with its deadline: one that waited past it in the queue is not started. */
    private final class Job<T> implements Callable<T> {
        private final Callable<T> task;
        private final long deadline;
        // guarded by the ComputePool
        boolean started;
        boolean finished;
        boolean replacedThread;

        Job(Callable<T> task, long deadline) {
            this.task = task;
            this.deadline = deadline;
        }

        @Override
        public T call() throws Exception {
            synchronized (ComputePool.this) {
                started = true;
            }
            try {
                if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) throw new InterruptedException("past its deadline");
                return task.call();
            } finally {
                finished(this);
            }
        }
    }
}
