package com.sigmatiq.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes one local mode at a time own a data folder: an exclusive lock on {@value #FILE} in the folder, held for the
 * local mode's whole life. The operating system drops the lock when its process ends, however it ends (Ctrl-C,
 * {@code kill -9}, a crash), so a lock that can be taken proves that no local mode is alive on the folder, and whatever
 * still runs there (a PostgreSQL) was left behind by one that is gone.
 *
 * <p>The file says who holds it: line 1 the owner's pid, line 2 (once Kafka runs) the temporary folder of its Kafka
 * broker, which lives outside the data folder and which a killed owner cannot delete; the next owner reads it in
 * {@link #leftKafkaFolder()}. A clean {@link #close()} empties the file.
 */
final class DataFolderLock implements AutoCloseable {

    static final String FILE = "local-mode.lock";

    /**
     * Folders locked by this JVM. Locks belong to the process: a second channel on the same file in this JVM would
     * not be refused by the system, and closing it would drop the first channel's lock. So this JVM asks itself first.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;
    private final Optional<Path> leftKafkaFolder;
    private boolean closed;

    private DataFolderLock(Path folder, FileChannel channel, FileLock lock, Optional<Path> leftKafkaFolder) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
        this.leftKafkaFolder = leftKafkaFolder;
    }

    /**
     * Locks {@code folder} (created if missing) for this process and writes this process's pid in {@value #FILE}.
     *
     * @throws IllegalStateException naming the owner's pid, when a live local mode holds the folder
     */
    static DataFolderLock acquire(Path folder) {
        Path key;
        try {
            Files.createDirectories(folder);
            key = folder.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + folder, e);
        }
        if (!HELD.add(key)) {
            throw refused(folder, Optional.of(ProcessHandle.current().pid()));
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            List<String> previous = read(channel);
            if (lock == null) {
                throw refused(folder, pid(previous));
            }
            Optional<Path> leftKafka = previous.size() > 1 && !previous.get(1).isBlank()
                    ? Optional.of(Path.of(previous.get(1).strip())) : Optional.empty();
            DataFolderLock held = new DataFolderLock(key, channel, lock, leftKafka);
            held.write(Long.toString(ProcessHandle.current().pid()));
            return held;
        } catch (IOException e) {
            release(key, channel);
            throw new UncheckedIOException("cannot lock data folder " + folder, e);
        } catch (RuntimeException e) {
            release(key, channel);
            throw e;
        }
    }

    private static IllegalStateException refused(Path folder, Optional<Long> owner) {
        String who = owner.map(pid -> "another local mode (pid " + pid + ")").orElse("another local mode");
        String stop = owner.map(pid -> "stop it first (Ctrl-C in its terminal, or kill " + pid + ")")
                .orElse("stop it first");
        return new IllegalStateException(who + " is running on data folder " + folder
                + ": two local modes cannot share a data folder; " + stop + ", or give this one its own folder with"
                + " --data=DIR");
    }

    private static Optional<Long> pid(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(lines.get(0).strip()));
    }

    private static List<String> read(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0 || size > 64 * 1024) {
            return List.of();
        }
        // Through the locked channel: closing any other handle on the file would drop this process's lock.
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        int n;
        do {
            n = channel.read(buffer, buffer.position());
        } while (n >= 0 && buffer.hasRemaining());
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * The Kafka folder recorded by the previous owner, if that owner did not delete it (it was killed) and the folder
     * is still there.
     */
    Optional<Path> leftKafkaFolder() {
        return leftKafkaFolder.filter(Files::isDirectory);
    }

    /** Records the Kafka broker's temporary folder beside this owner's pid, for the next owner should this one die. */
    void recordKafkaFolder(Path kafkaFolder) {
        try {
            write(ProcessHandle.current().pid() + "\n" + kafkaFolder.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(FILE), e);
        }
    }

    private void write(String content) throws IOException {
        channel.truncate(0);
        ByteBuffer bytes = ByteBuffer.wrap((content + "\n").getBytes(StandardCharsets.UTF_8));
        long position = 0;
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
        channel.force(false);
    }

    Path folder() {
        return folder;
    }

    /** Empties the file (nothing is left behind) and releases the folder. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // the lock goes with the channel below
        } finally {
            release(folder, channel);
        }
    }

    private static void release(Path key, FileChannel channel) {
        closeQuietly(channel);
        HELD.remove(key);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing to do: the process's lock on the file ends with the process anyway
        }
    }
}
