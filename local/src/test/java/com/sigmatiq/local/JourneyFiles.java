package com.sigmatiq.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files the journey tests (end to end, chaos, soak) read: the repository root and the seed's requests on the class path. */
final class JourneyFiles {

    private JourneyFiles() {
    }

    /** The repository root (the module's parent when Maven runs the tests in {@code local/}). */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(dir.resolve("packs")) ? dir : dir.getParent();
        assertThat(root.resolve("packs/swingsigma")).as("bundled packs under the repository root").isDirectory();
        return root;
    }

    /** A test resource as text, e.g. {@code /seed/create-model-request.json}. */
    static String resource(String name) {
        try (InputStream in = JourneyFiles.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
