package com.sigmatiq.marketdata.importing;

import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.marketdata.config.MarketDataProperties;
import com.sigmatiq.marketdata.domain.BarConvention;
import com.sigmatiq.marketdata.domain.ImportMode;
import com.sigmatiq.marketdata.domain.ImportOptions;
import com.sigmatiq.marketdata.domain.ImportReport;
import com.sigmatiq.engine.data.ExchangeCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * At start, imports the files of {@code sigmatiq.marketdata.bootstrap-dir} listed in the manifest
 * ({@code sigmatiq.marketdata.bootstrap-manifest}, default {@code classpath:bootstrap-manifest.yaml}). Idempotent: a
 * file already imported with the same options is skipped by {@link BarImportService}, so later starts cost a hash per
 * file. Files missing from the folder are logged and skipped. Nothing happens without the property.
 */
@Component
public class BootstrapLoader implements ApplicationRunner {

    public static final String IMPORTED_BY = "bootstrap";
    private static final Logger log = LoggerFactory.getLogger(BootstrapLoader.class);

    private final MarketDataProperties properties;
    private final BarImportService importer;
    private final ResourceLoader resources;

    public BootstrapLoader(MarketDataProperties properties, BarImportService importer, ResourceLoader resources) {
        this.properties = properties;
        this.importer = importer;
        this.resources = resources;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (properties.bootstrapDir() == null || properties.bootstrapDir().isBlank()) {
            return;
        }
        load(Path.of(properties.bootstrapDir()));
    }

    public List<ImportReport> load(Path dir) throws IOException {
        long t0 = System.nanoTime();
        BootstrapManifest manifest;
        try (InputStream in = resources.getResource(properties.bootstrapManifest()).getInputStream()) {
            manifest = YAMLMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, BootstrapManifest.class);
        }
        List<ImportReport> reports = new ArrayList<>();
        for (BootstrapManifest.Entry e : manifest.files()) {
            Path file = dir.resolve(e.file());
            if (!Files.isRegularFile(file)) {
                log.warn("bootstrap: {} not found, skipped", file.toAbsolutePath());
                continue;
            }
            ImportOptions options = new ImportOptions(e.ticker(),
                    e.exchange() == null ? ExchangeCalendar.NEW_YORK : ZoneId.of(e.exchange()),
                    e.sourceZone() == null ? null : ZoneId.of(e.sourceZone()),
                    e.barConvention() == null ? null : BarConvention.parse(e.barConvention()),
                    e.timeframe() == null ? null : Timeframe.parse(e.timeframe()),
                    Boolean.TRUE.equals(e.splitAdjusted()), ImportMode.SKIP);
            ImportReport r = importer.importFile(e.file(), Files.readAllBytes(file), options, IMPORTED_BY);
            if (r.problemCount() > 0) {
                log.warn("bootstrap: {} had {} bad rows (skipped), first: {}", e.file(), r.problemCount(), r.problems().get(0));
            }
            reports.add(r);
        }
        log.info("bootstrap: {} files from {} checked in {} ms", reports.size(), dir.toAbsolutePath(),
                (System.nanoTime() - t0) / 1_000_000);
        return reports;
    }
}
