package com.sigmatiq.local.soak;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code ERROR} lines of one service's log (Spring Boot's console format: time, level, pid, {@code ---}), read
 * incrementally from where the previous call stopped; keeps the first {@value #KEPT} lines for the report.
 */
public final class LogErrors {

    static final int KEPT = 20;
    static final Pattern ERROR = Pattern.compile("^\\S+\\s+ERROR\\s+\\d+\\s+---");
    private final Path file;
    private long offset;
    private long errors;
    private final List<String> kept = new ArrayList<>();

    public LogErrors(Path file) {
        this.file = file;
    }

    /** Reads the lines appended since the last call; returns the number of error lines among them. */
    public synchronized long readNew() {
        if (!Files.exists(file)) {
            return 0;
        }
        long found = 0;
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return 0;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, Integer.MAX_VALUE - 16)];
            in.seek(offset);
            in.readFully(bytes);
            int end = lastNewline(bytes);
            if (end < 0) {
                return 0; // a line still being written
            }
            offset += end + 1;
            for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                if (ERROR.matcher(line).find()) {
                    found++;
                    if (kept.size() < KEPT) {
                        kept.add(line.length() > 400 ? line.substring(0, 400) + "…" : line);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        errors += found;
        return found;
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    public synchronized long errors() {
        return errors;
    }

    public synchronized List<String> firstErrors() {
        return List.copyOf(kept);
    }
}
