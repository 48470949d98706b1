package com.sigmatiq.marketdata.web;

import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.kit.web.problem.InvalidRequestException;
import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.marketdata.domain.BarConvention;
import com.sigmatiq.marketdata.domain.ImportMode;
import com.sigmatiq.marketdata.domain.ImportOptions;
import com.sigmatiq.marketdata.domain.ImportReport;
import com.sigmatiq.marketdata.domain.ImportRunRepository;
import com.sigmatiq.marketdata.importing.BarImportService;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /imports} (multipart {@code file} plus optional options) imports a bar file and answers its report:
 * 201 when stored, 200 {@code already_imported} when the same file was imported with the same options, 422 (problem
 * details with the report) when refused. Bars are shared reference data: importing (and listing imports) needs the
 * {@code operator} role ({@code sigmatiq.security.role-paths}), reading bars is open to every user; the import records
 * who imported it.
 */
@RestController
class ImportController {

    private final BarImportService importer;
    private final ImportRunRepository runs;

    ImportController(BarImportService importer, ImportRunRepository runs) {
        this.importer = importer;
        this.runs = runs;
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // documents 201; the answer itself is the ResponseEntity below
    ResponseEntity<ImportReport> upload(@RequestParam("file") MultipartFile file,
                                        @RequestParam(required = false) String ticker,
                                        @RequestParam(required = false) String exchange,
                                        @RequestParam(name = "source_zone", required = false) String sourceZone,
                                        @RequestParam(name = "bar_convention", required = false) String barConvention,
                                        @RequestParam(required = false) String timeframe,
                                        @RequestParam(name = "split_adjusted", defaultValue = "false") boolean splitAdjusted,
                                        @RequestParam(defaultValue = "skip") String mode,
                                        CurrentUser user) throws IOException {
        ImportOptions options = new ImportOptions(blank(ticker) ? null : ticker,
                blank(exchange) ? ExchangeCalendar.NEW_YORK : zone(exchange, "exchange"),
                blank(sourceZone) ? null : zone(sourceZone, "source_zone"),
                blank(barConvention) ? null : field("bar_convention", () -> BarConvention.parse(barConvention)),
                blank(timeframe) ? null : field("timeframe", () -> Timeframe.parse(timeframe)),
                splitAdjusted, field("mode", () -> ImportMode.parse(mode)));
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload.csv" : file.getOriginalFilename();
        ImportReport report = importer.importFile(name, file.getBytes(), options, user.id());
        return ResponseEntity.status("already_imported".equals(report.status()) ? HttpStatus.OK : HttpStatus.CREATED)
                .body(report);
    }

    @GetMapping("/imports")
    List<ImportReport> recent() {
        return runs.recent(100);
    }

    @GetMapping("/imports/{id}")
    ImportReport get(@PathVariable UUID id) {
        return runs.find(id).orElseThrow(() -> new com.sigmatiq.marketdata.domain.BarsNotFoundException("no import " + id));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ZoneId zone(String s, String field) {
        return field(field, () -> ZoneId.of(s));
    }

    static <T> T field(String field, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            throw InvalidRequestException.of(field, e.getMessage());
        }
    }
}
