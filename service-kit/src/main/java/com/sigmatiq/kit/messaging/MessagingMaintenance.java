package com.sigmatiq.kit.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs periodic chores of the outbox or the inbox on one daemon thread of its own (no {@code @EnableScheduling} needed in the service):
 * each task at a fixed delay, its failures logged and retried at the next run.
 */
class MessagingMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessagingMaintenance.class);

    /** A chore: what it does, how often. */
    record Task(String name, Duration every, Runnable run) {
    }

    private final String threadName;
    private final List<Task> tasks;
    private ScheduledExecutorService executor;

    MessagingMaintenance(String threadName, List<Task> tasks) {
        this.threadName = threadName;
        this.tasks = List.copyOf(tasks);
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        for (Task task : tasks) {
            long ms = Math.max(1, task.every().toMillis());
            executor.scheduleWithFixedDelay(() -> runLogged(task), ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    private static void runLogged(Task task) {
        try {
            task.run().run();
        } catch (RuntimeException e) {
            log.warn("{} failed (tried again in {}): {}", task.name(), task.every(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
