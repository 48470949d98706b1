package com.sigmatiq.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** The command line as the tests run it: in this JVM, errors captured, files found from the repository's root. */
final class CliRun {

    private CliRun() {
    }

    /** A path under the repository root (the folder holding {@code packs/}). */
    static Path repo(String relative) {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("packs"))) {
            p = p.getParent();
        }
        return p.resolve(relative);
    }

    /** Runs {@code sigmatiq args...}, its error output into {@code err}; the exit code. */
    static int run(StringWriter err, String... args) {
        CommandLine cl = SigmatiqCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }
}
