package com.sigmatiq.pack.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.pack.support.RepositoryPacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up import with an in-memory store: idempotent, and a bad folder never stops the others. */
class BundledPackImporterTest {

    @TempDir
    Path packs;

    private final InMemoryStore store = new InMemoryStore();
    private final PackCatalogue catalogue = new PackCatalogue(store,
            Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));

    @Test
    void storesEachFolderOnceAndRestartsChangeNothing() throws IOException {
        write("swingsigma", RepositoryPacks.swingsigma());
        var importer = new BundledPackImporter(catalogue, packs);

        assertThat(importer.importAll()).containsExactly(Map.entry("swingsigma", BundledPackImporter.Result.CREATED));
        assertThat(importer.importAll()).containsExactly(Map.entry("swingsigma", BundledPackImporter.Result.UNCHANGED));
        assertThat(store.rows).hasSize(1);
        assertThat(store.rows.get("swingsigma@1.0.0").uploadedBy()).isNull();
    }

    @Test
    void aChangedFolderUnderAStoredVersionIsRefusedAndAnInvalidOneSkippedWhileOthersLoad() throws IOException {
        write("swingsigma", RepositoryPacks.swingsigma());
        new BundledPackImporter(catalogue, packs).importAll();

        Map<String, String> changed = RepositoryPacks.swingsigma();
        changed.put("gates.yaml", changed.get("gates.yaml").replace("min_trades: 30", "min_trades: 31"));
        write("swingsigma", changed);
        Map<String, String> broken = RepositoryPacks.swingsigmaAt("2.0.0");
        broken.put("pack.yaml", broken.get("pack.yaml").replace("\"swingsigma\"", "\"broken\""));
        broken.put("indicators.yaml", broken.get("indicators.yaml").replace("id: \"atr\"", "id: \"atrr\""));
        write("broken", broken);
        write("other", RepositoryPacks.swingsigmaAt("1.0.0").entrySet().stream()
                .collect(TreeMap::new, (m, e) -> m.put(e.getKey(), e.getValue().replace("\"swingsigma\"", "\"other\"")),
                        Map::putAll));

        var results = new BundledPackImporter(catalogue, packs).importAll();

        assertThat(results).containsExactly(Map.entry("broken", BundledPackImporter.Result.INVALID),
                Map.entry("other", BundledPackImporter.Result.CREATED),
                Map.entry("swingsigma", BundledPackImporter.Result.CONFLICT));
        assertThat(store.rows.get("swingsigma@1.0.0").files().get("gates.yaml")).contains("min_trades: 30");
        assertThat(store.rows).containsOnlyKeys("swingsigma@1.0.0", "other@1.0.0");
    }

    @Test
    void aMissingDirectoryLoadsNothing() {
        assertThat(new BundledPackImporter(catalogue, packs.resolve("nope")).importAll()).isEmpty();
    }

    private void write(String folder, Map<String, String> files) throws IOException {
        Path dir = packs.resolve(folder);
        Files.createDirectories(dir);
        for (var e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
    }

    /** Keeps versions in a map; enough for the catalogue's rules. */
    static final class InMemoryStore implements PackVersionStore {
        final Map<String, PackVersion> rows = new TreeMap<>();

        @Override
        public List<PackSummary> packs() {
            return List.of();
        }

        @Override
        public boolean exists(String packId) {
            return rows.values().stream().anyMatch(v -> v.packId().equals(packId));
        }

        @Override
        public Optional<String> latestVersion(String packId) {
            return rows.values().stream().filter(v -> v.packId().equals(packId)).map(PackVersion::version)
                    .max(VersionOrder.ASCENDING);
        }

        @Override
        public List<PackVersionSummary> versions(String packId) {
            return rows.values().stream().filter(v -> v.packId().equals(packId)).map(PackVersion::summary)
                    .sorted(Comparator.comparing(PackVersionSummary::version, VersionOrder.ASCENDING.reversed())).toList();
        }

        @Override
        public Optional<PackVersion> version(String packId, String version) {
            return Optional.ofNullable(rows.get(packId + "@" + version));
        }

        @Override
        public synchronized Optional<String> insertIfAbsent(PackVersion candidate) {
            PackVersion old = rows.putIfAbsent(candidate.packId() + "@" + candidate.version(), candidate);
            return Optional.ofNullable(old).map(PackVersion::contentHash);
        }
    }
}
