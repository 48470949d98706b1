package com.sigmatiq.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a service's classes and runtime dependencies are. The default reads a module's build output:
 * {@code <module>/target/classes} plus the jar list {@code <module>/target/local-classpath.txt}, which every build of
 * a service module writes (root pom: execution {@code local-classpath} of {@code dependency:build-classpath}, turned
 * on in the service's pom by {@code <sigmatiq.local-classpath.phase>process-classes</sigmatiq.local-classpath.phase>}).
 */
@FunctionalInterface
interface ServiceClasspath {

    /** Relative to a module directory; written by the module's build. */
    String CLASSPATH_FILE = "target/local-classpath.txt";

    /** The class path of {@code service}, or empty when the module is not built here. */
    Optional<List<Path>> resolve(LocalService service);

    /** The build output of each module under the repository root {@code root}. */
    static ServiceClasspath modulesUnder(Path root) {
        return service -> {
            Path module = root.resolve(service.module());
            Path classes = module.resolve("target/classes");
            Path listFile = module.resolve(CLASSPATH_FILE);
            if (!Files.isDirectory(classes) || !Files.isRegularFile(listFile)) {
                return Optional.empty();
            }
            try {
                List<Path> entries = new ArrayList<>();
                entries.add(classes);
                for (String entry : Files.readString(listFile).strip().split(java.io.File.pathSeparator)) {
                    if (!entry.isBlank()) {
                        entries.add(Path.of(entry));
                    }
                }
                return Optional.of(entries);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + listFile, e);
            }
        };
    }
}
