package com.sigmatiq.local;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The chaos of {@link ChaosPlatform}'s services, seeded: as a thread ({@link #run}), kills a random service (SIGKILL)
 * 3–15 s after the previous one is back, waits 0–3 s, starts it again and waits until its port is open; besides, the
 * journey {@link #strike strikes} right after a create request, so that the work it started is hit while it runs, and
 * restarts PostgreSQL or the Kafka broker. Services and moments come from the seed. A kill never happens during a
 * create request ({@link ChaosPlatform#writes}).
 */
final class Chaos implements Runnable {

    /** A kill: which service, its pid, when (seconds after the chaos began) and during which step of the journey. */
    record Kill(String module, long pid, double at, String phase) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s(pid %d) at %.1f s in %s", module, pid, at, phase);
        }
    }

    /** What the platform was doing when a kill struck, read just before it. */
    @FunctionalInterface
    interface State {
        String read() throws Exception;
    }

    final List<Kill> kills = new CopyOnWriteArrayList<>();
    final List<Throwable> failure = new CopyOnWriteArrayList<>();
    final CountDownLatch stop = new CountDownLatch(1);
    final List<Double> postgresRestarts = new CopyOnWriteArrayList<>();
    final List<Double> kafkaRestarts = new CopyOnWriteArrayList<>();
    volatile String phase = "start";
    private final ChaosPlatform platform;
    private final Random random;
    /** The journey's strikes have their own sequence: each of the two repeats with the seed. */
    final Random strikes;
    private final long t0 = System.nanoTime();

    Chaos(ChaosPlatform platform, long seed) {
        this.platform = platform;
        this.random = new Random(seed);
        this.strikes = new Random(seed + 1);
    }

    @Override
    public void run() {
        List<String> modules = platform.processes.modules();
        try {
            // the random moment (chaos, not a wait for a condition), cut short when the journey is done
            while (!stop.await(3_000 + random.nextInt(12_000), TimeUnit.MILLISECONDS)) {
                killAndRestart(modules.get(random.nextInt(modules.size())), () -> "");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.add(e);
            e.printStackTrace();
        }
    }

    /**
     * Called by the journey right after a create request was accepted, while its work runs: 0–1.5 s later kills
     * {@code worker} (7 times in 10) or a random service, and restarts it. The kill records {@code state}.
     */
    void strike(String worker, State state) {
        List<String> modules = platform.processes.modules();
        String module = strikes.nextInt(10) < 7 ? worker : modules.get(strikes.nextInt(modules.size()));
        killWithin1500Ms(module, state);
    }

    /** As {@link #strike}, but always {@code worker}. */
    void strikeWorker(String worker, State state) {
        killWithin1500Ms(worker, state);
    }

    /**
     * Kills {@code worker} (and restarts it) 0–200 ms after {@code state} first shows it at work ({@code atWork}, read
     * every 10 ms for up to 30 s; past that, or once the work shows {@code completed}, it kills at once): for work too
     * short for {@link #strikeWorker}'s 1.5 s to be sure to meet it.
     */
    void strikeWorkerAtWork(String worker, State state, java.util.function.Predicate<String> atWork) {
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline) {
                String now;
                try {
                    now = state.read();
                } catch (Exception e) {
                    now = "";
                }
                if (atWork.test(now) || now.contains("completed")) {
                    break;
                }
                Thread.sleep(10);
            }
            Thread.sleep(strikes.nextInt(200));
            killAndRestart(worker, state);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void killWithin1500Ms(String module, State state) {
        try {
            Thread.sleep(strikes.nextInt(1_500)); // the random moment within the work
            killAndRestart(module, state);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Restarts the Kafka broker (same port and log folder) 0–3 s from now, no service killed meanwhile. */
    void restartKafka() {
        platform.writes.writeLock().lock();
        try {
            Thread.sleep(strikes.nextInt(3_000));
            double at = (System.nanoTime() - t0) / 1e9;
            long start = System.nanoTime();
            platform.mode.infrastructure().restartKafka();
            kafkaRestarts.add(at);
            System.out.printf(Locale.ROOT, "chaos: Kafka restarted at %.1f s (back in %.1f s) in %s%n", at,
                    (System.nanoTime() - start) / 1e9, phase);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            platform.writes.writeLock().unlock();
        }
    }

    /** Restarts PostgreSQL (fast shutdown: every connection dropped) 0–3 s from now, no service killed meanwhile. */
    void restartPostgres() {
        platform.writes.writeLock().lock();
        try {
            Thread.sleep(strikes.nextInt(3_000));
            double at = (System.nanoTime() - t0) / 1e9;
            platform.mode.infrastructure().restartPostgres();
            postgresRestarts.add(at);
            System.out.printf(Locale.ROOT, "chaos: PostgreSQL restarted at %.1f s in %s%n", at, phase);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            platform.writes.writeLock().unlock();
        }
    }

    private void killAndRestart(String module, State state) throws InterruptedException {
        long pause = random.nextInt(3_000);
        platform.writes.writeLock().lockInterruptibly();
        try {
            String doing;
            try {
                doing = state.read();
            } catch (Exception e) {
                doing = "(" + e.getMessage() + ")";
            }
            ServiceProcesses processes = platform.processes;
            long pid = processes.pid(module).orElseThrow(() -> new IllegalStateException(module + " is not running"));
            processes.kill(module);
            Kill kill = new Kill(module, pid, (System.nanoTime() - t0) / 1e9, doing.isEmpty() ? phase : phase + ", " + doing);
            kills.add(kill);
            System.out.println("chaos: kill #" + kills.size() + ": " + kill);
            Thread.sleep(pause);
            processes.restart(module);
        } finally {
            platform.writes.writeLock().unlock();
        }
    }
}
