package com.sigmatiq.pack.support;

import com.sigmatiq.engine.pack.PackLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** The repository's bundled {@code packs/} folder, found by walking up from the working directory. */
public final class RepositoryPacks {

    private RepositoryPacks() {
    }

    /** The {@code packs} folder that holds {@code swingsigma}. */
    public static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("packs");
            if (Files.isRegularFile(candidate.resolve("swingsigma").resolve("pack.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no packs/swingsigma above " + Path.of("").toAbsolutePath());
    }

    /** The six files of {@code packs/swingsigma}, by name. */
    public static Map<String, String> swingsigma() {
        Map<String, String> files = new TreeMap<>();
        for (String f : PackLoader.FILES) {
            try {
                files.put(f, Files.readString(dir().resolve("swingsigma").resolve(f), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** swingsigma's files with {@code version: "1.0.0"} in pack.yaml replaced by {@code version}. */
    public static Map<String, String> swingsigmaAt(String version) {
        Map<String, String> files = swingsigma();
        files.put("pack.yaml", files.get("pack.yaml").replace("version: \"1.0.0\"", "version: \"" + version + "\""));
        return files;
    }
}
