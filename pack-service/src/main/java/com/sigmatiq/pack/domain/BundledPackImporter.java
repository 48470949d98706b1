package com.sigmatiq.pack.domain;

import com.sigmatiq.engine.pack.PackError;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.pack.PackValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers every pack folder under a directory (each subfolder holding the six pack files) at start.
 * Restarting changes nothing: a folder whose version is stored with the same content hash is skipped.
 * A folder that changed under a stored version, or that the engine rejects, is logged and skipped;
 * the other packs still load and the service still starts.
 */
public class BundledPackImporter {

    private static final Logger log = LoggerFactory.getLogger(BundledPackImporter.class);

    /** How one folder fared. */
    public enum Result { CREATED, UNCHANGED, CONFLICT, INVALID }

    private final PackCatalogue catalogue;
    private final Path dir;

    public BundledPackImporter(PackCatalogue catalogue, Path dir) {
        this.catalogue = catalogue;
        this.dir = dir;
    }

    /** Imports every pack folder; returns each folder's result by folder name. */
    public Map<String, Result> importAll() {
        Path abs = dir.toAbsolutePath().normalize();
        Map<String, Result> results = new TreeMap<>();
        if (!Files.isDirectory(abs)) {
            log.warn("Pack directory {} does not exist: no bundled packs loaded (set sigmatiq.packs.dir)", abs);
            return results;
        }
        List<Path> folders;
        try (Stream<Path> s = Files.list(abs)) {
            folders = s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list pack directory " + abs, e);
        }
        for (Path folder : folders) {
            results.put(folder.getFileName().toString(), importFolder(folder));
        }
        log.info("Bundled packs from {}: {}", abs, results);
        return results;
    }

    private Result importFolder(Path folder) {
        try {
            var r = catalogue.register(read(folder), null);
            if (r.outcome() == PackCatalogue.Outcome.CREATED) {
                log.info("Pack {} {} stored from {} (content hash {})", r.pack().id(), r.pack().version(), folder,
                        r.pack().contentHash());
                return Result.CREATED;
            }
            log.info("Pack {} {} from {} is already stored with the same content", r.pack().id(), r.pack().version(), folder);
            return Result.UNCHANGED;
        } catch (PackVersionConflictException e) {
            log.error("Pack folder {} REFUSED: {}. The stored version is kept.", folder, e.getMessage());
            return Result.CONFLICT;
        } catch (PackValidationException e) {
            List<String> lines = new ArrayList<>();
            for (PackError err : e.errors()) {
                lines.add("  " + folder.resolve(err.file()) + (err.line() > 0 ? ":" + err.line() + ":" + err.column() : "")
                        + ": " + err.message());
            }
            log.error("Pack folder {} REFUSED, {} error(s):\n{}", folder, e.errors().size(), String.join("\n", lines));
            return Result.INVALID;
        }
    }

    private static Map<String, String> read(Path folder) {
        Map<String, String> files = new TreeMap<>();
        for (String name : PackLoader.FILES) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) {
                try {
                    files.put(name, Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + p, e);
                }
            }
        }
        return files;
    }
}
