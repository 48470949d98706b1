package com.sigmatiq.alert.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends the delivery rows. Every {@code interval}, and at once when alerts were stored ({@link #wake}), it expires the
 * rows past {@code valid_until}, then, for each destination, claims as many due rows as that destination has idle
 * threads (so a claimed row starts at once) and hands each to the destination's own threads, each of which goes on
 * claiming and sending that destination's due rows one at a time until none is left: a burst of alerts is sent as
 * fast as the destination takes it, not a few rows per pass. A webhook that hangs holds only webhook threads, never
 * the e-mail or Kafka senders. A row is settled by its claim: {@code sent}; {@code failed} (final); {@code retrying} at the back-off
 * of {@link RetryPolicy}, or {@code expired} when that would fall after {@code valid_until}. A row whose dispatcher
 * died is claimed again once its lease ends (at least once per destination).
 */
public class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final int MAX_ERROR = 500;

    private final DeliveryRepository repository;
    private final RetryPolicy retry;
    private final DeliveryProperties.Dispatch settings;
    private final Clock clock;
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private volatile ScheduledExecutorService poller;
    private final AtomicBoolean woken = new AtomicBoolean();

    public DeliveryDispatcher(DeliveryRepository repository, List<DeliverySender> senders, RetryPolicy retry,
                              DeliveryProperties.Dispatch settings, Clock clock) {
        this.repository = repository;
        this.retry = retry;
        this.settings = settings;
        this.clock = clock;
        for (DeliverySender s : senders) {
            if (lanes.put(s.destination(), new Lane(s, Math.max(1, settings.threads().of(s.destination())))) != null) {
                throw new IllegalStateException("two senders for " + s.destination());
            }
        }
    }

    /** One destination's sender with its own threads. */
    private static final class Lane {
        final DeliverySender sender;
        final int threads;
        final AtomicInteger busy = new AtomicInteger();
        ExecutorService executor;

        Lane(DeliverySender sender, int threads) {
            this.sender = sender;
            this.threads = threads;
        }
    }

    /** One pass: expire, then claim and hand out each destination's due rows. Returns the rows handed out. */
    public int dispatchDue() {
        Instant now = clock.instant();
        int expired = repository.expireDue(now);
        if (expired > 0) {
            log.info("{} delivery row(s) expired undelivered (valid_until passed)", expired);
        }
        int handed = 0;
        for (Lane lane : lanes.values()) {
            int idle = lane.threads - lane.busy.get();
            if (idle <= 0 || lane.executor == null) {
                continue;
            }
            for (DueDelivery d : repository.claim(lane.sender.destination(), idle, now, settings.lease())) {
                lane.busy.incrementAndGet();
                handed++;
                try {
                    lane.executor.execute(() -> {
                        try {
                            deliver(lane.sender, d);
                            drain(lane);
                        } finally {
                            lane.busy.decrementAndGet();
                        }
                    });
                } catch (RuntimeException e) {
                    lane.busy.decrementAndGet();
                    log.warn("{} of {} not started ({}); it is taken again after its lease", d.destination(), d.alertId(), e.toString());
                }
            }
        }
        return handed;
    }

    /** Claims and sends a destination's due rows one at a time until none is due (or the dispatcher stops). */
    private void drain(Lane lane) {
        while (!Thread.currentThread().isInterrupted()) {
            List<DueDelivery> next;
            try {
                next = repository.claim(lane.sender.destination(), 1, clock.instant(), settings.lease());
            } catch (RuntimeException e) {
                log.warn("claiming {} rows failed ({}); the next pass tries again", lane.sender.destination(), e.toString());
                return;
            }
            if (next.isEmpty()) {
                return;
            }
            deliver(lane.sender, next.get(0));
        }
    }

    /** Alerts were stored: a pass now rather than at the next interval (passes asked for meanwhile are one). */
    public void wake() {
        ScheduledExecutorService p = poller;
        if (p != null && settings.enabled() && woken.compareAndSet(false, true)) {
            try {
                p.execute(() -> {
                    woken.set(false);
                    pollSafely();
                });
            } catch (RuntimeException e) {
                woken.set(false);   // stopping
            }
        }
    }

    void deliver(DeliverySender sender, DueDelivery d) {
        SendResult r;
        try {
            r = sender.send(d);
        } catch (RuntimeException e) {
            r = SendResult.retry(e.toString(), null);
        }
        Instant now = clock.instant();
        boolean settled;
        String error = r.error() == null ? null : truncate(r.error());
        switch (r.outcome()) {
            case SENT -> settled = repository.markSent(d, now);
            case FAILED -> {
                settled = repository.markFinal(d, Delivery.FAILED, error, now);
                log.warn("{} of {} failed for good after {} attempt(s): {}", d.destination(), d.alertId(), d.attempts(), error);
            }
            default -> {
                Instant next = retry.next(d.attempts(), r.retryAfter(), now);
                if (next.isAfter(d.validUntil())) {
                    settled = repository.markFinal(d, Delivery.EXPIRED, error, now);
                    log.info("{} of {} expired after {} attempt(s): {}", d.destination(), d.alertId(), d.attempts(), error);
                } else {
                    settled = repository.markRetrying(d, next, error, now);
                    log.debug("{} of {} retrying at {}: {}", d.destination(), d.alertId(), next, error);
                }
            }
        }
        if (!settled) {
            log.warn("{} of {}: the claim ended before the outcome ({}) was written; another dispatcher has the row",
                    d.destination(), d.alertId(), r.outcome());
        }
    }

    private static String truncate(String s) {
        return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR) + "…";
    }

    private void pollSafely() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("delivery dispatch pass failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (poller != null) {
            return;
        }
        for (Lane lane : lanes.values()) {
            lane.executor = Executors.newFixedThreadPool(lane.threads, daemon("alert-send-" + lane.sender.destination()));
        }
        poller = Executors.newSingleThreadScheduledExecutor(daemon("alert-dispatch"));
        if (settings.enabled()) {
            poller.scheduleWithFixedDelay(this::pollSafely, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (poller == null) {
            return;
        }
        poller.shutdownNow();
        for (Lane lane : lanes.values()) {
            lane.executor.shutdownNow();
        }
        poller = null;
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
