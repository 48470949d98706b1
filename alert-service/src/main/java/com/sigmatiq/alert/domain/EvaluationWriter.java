package com.sigmatiq.alert.domain;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes evaluations and runtime snapshots behind the alerts, on its own thread, in large transactions: a bar's alerts
 * wait for nothing but the evaluation. The queue is bounded (a producer that outruns the database waits) and a failed
 * write is retried until it succeeds, with back-off; what was queued when the process died is made again by the
 * runtimes, which restart from their last written snapshot.
 */
@Component
public class EvaluationWriter {

    private static final Logger log = LoggerFactory.getLogger(EvaluationWriter.class);

    private final RuntimeStore store;
    private final Clock clock;
    private final int capacity;
    private final int batch;
    private final ArrayDeque<Work> queue = new ArrayDeque<>();
    private final Thread thread;
    private int pending;          // evaluations and snapshots queued or being written
    private boolean writing;
    private volatile boolean running = true;
    private volatile boolean closing;
    private int hot;              // bars being taken: the writer lets them have the cores first

    private record Work(List<RuntimeStore.EvaluationRows> evaluations, List<RuntimeSnapshot> snapshots, int size) {
        static Work of(List<RuntimeStore.EvaluationRows> evaluations, List<RuntimeSnapshot> snapshots) {
            int n = snapshots.size();
            for (RuntimeStore.EvaluationRows r : evaluations) {
                n += r.count();
            }
            return new Work(evaluations, snapshots, n);
        }
    }

    public EvaluationWriter(RuntimeStore store, Clock clock,
                            @Value("${sigmatiq.alert.runtime.write-queue:400000}") int capacity,
                            @Value("${sigmatiq.alert.runtime.write-batch:5000}") int batch) {
        this.store = store;
        this.clock = clock;
        this.capacity = capacity;
        this.batch = batch;
        this.thread = new Thread(this::run, "alert-evaluation-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues work; waits while the queue is full. */
    public void enqueue(List<RuntimeStore.EvaluationRows> evaluations, List<RuntimeSnapshot> snapshots) {
        Work w = Work.of(evaluations, snapshots);
        if (w.size() == 0) {
            return;
        }
        synchronized (this) {
            while (running && pending > 0 && pending + w.size() > capacity) {
                waitUninterruptibly(0);
            }
            queue.add(w);
            pending += w.size();
            notifyAll();
        }
    }

    /** Bars are being taken: writing waits (up to a fifth of a second each time) while they are. */
    public synchronized void hotPathStarted() {
        hot++;
    }

    public synchronized void hotPathEnded() {
        hot--;
        notifyAll();
    }

    /** Waits until everything queued before this call is written. */
    public synchronized void flush() {
        while (running && (!queue.isEmpty() || writing)) {
            waitUninterruptibly(0);
        }
    }

    /** {@link #flush()} for at most {@code max}; false when work is left. */
    public synchronized boolean flush(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (running && (!queue.isEmpty() || writing)) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            waitUninterruptibly(left);
        }
        return true;
    }

    /** Evaluations and snapshots queued or being written. */
    public synchronized int pending() {
        return pending;
    }

    private void run() {
        Duration backOff = Duration.ofMillis(200);
        while (running) {
            List<Work> taken = take();
            if (taken.isEmpty()) {
                continue;
            }
            List<RuntimeStore.EvaluationRows> evaluations = new ArrayList<>();
            List<RuntimeSnapshot> snapshots = new ArrayList<>();
            int n = 0;
            for (Work w : taken) {
                evaluations.addAll(w.evaluations());
                snapshots.addAll(w.snapshots());
                n += w.size();
            }
            synchronized (this) {
                long until = System.nanoTime() + 200_000_000L;
                while (hot > 0 && running && System.nanoTime() < until) {
                    waitUninterruptibly(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                }
            }
            while (true) {
                try {
                    store.saveEvaluations(evaluations, snapshots, clock.instant());
                    store.recycle(evaluations);
                    backOff = Duration.ofMillis(200);
                    break;
                } catch (RuntimeException e) {
                    if (!running || closing) {
                        log.warn("{} evaluations and snapshots not written at shutdown (the runtimes make them again): {}",
                                n, e.toString());
                        break;
                    }
                    log.warn("writing {} evaluations and snapshots failed, again in {} ms: {}", n, backOff.toMillis(),
                            e.toString());
                    synchronized (this) {
                        waitUninterruptibly(backOff.toMillis());
                    }
                    backOff = backOff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                            : backOff.multipliedBy(2);
                }
            }
            synchronized (this) {
                pending -= n;
                writing = false;
                notifyAll();
            }
        }
    }

    private synchronized List<Work> take() {
        while (running && queue.isEmpty()) {
            waitUninterruptibly(0);
        }
        List<Work> out = new ArrayList<>();
        int n = 0;
        while (!queue.isEmpty() && (out.isEmpty() || n + queue.peek().size() <= batch)) {
            Work w = queue.poll();
            out.add(w);
            n += w.size();
        }
        writing = !out.isEmpty();
        return out;
    }

    private void waitUninterruptibly(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Writes what is queued, then stops. */
    @PreDestroy
    public void close() {
        if (!flush(Duration.ofSeconds(10))) {
            log.warn("{} evaluations and snapshots left unwritten at shutdown (the runtimes make them again)", pending());
        }
        closing = true;
        synchronized (this) {
            running = false;
            notifyAll();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
