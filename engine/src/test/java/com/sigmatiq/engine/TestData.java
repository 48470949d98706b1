package com.sigmatiq.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's bundled data ({@code data/}) and packs ({@code packs/}) from any module. */
public final class TestData {

    private static final Path ROOT = findRoot();

    private TestData() {
    }

    /** A file under the repository's {@code data/} folder, e.g. {@code market/SPY_daily_...csv}. */
    public static Path data(String relative) {
        return ROOT.resolve("data").resolve(relative);
    }

    /** A pack folder under the repository's {@code packs/}, e.g. {@code swingsigma}. */
    public static Path pack(String id) {
        return ROOT.resolve("packs").resolve(id);
    }

    public static Path root() {
        return ROOT;
    }

    private static Path findRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isRegularFile(p.resolve("data/SOURCES.md")) && Files.isDirectory(p.resolve("packs"))) {
                return p;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("repository root with data/ and packs/ not found above " + Path.of("").toAbsolutePath());
    }
}
