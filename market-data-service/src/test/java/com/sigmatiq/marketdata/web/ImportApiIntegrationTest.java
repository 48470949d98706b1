package com.sigmatiq.marketdata.web;

import com.sigmatiq.marketdata.IntegrationTestSupport;
import com.sigmatiq.marketdata.domain.ImportOptions;
import com.sigmatiq.marketdata.importing.BarImportService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImportApiIntegrationTest extends IntegrationTestSupport {

    @Autowired
    BarImportService importer;

    private static final String BAD_FILE = """
            date,open,high,low,close,volume
            2020-01-02,10,11,9,10.5,100
            2020-01-03,10,10.2,9,10.5,100
            2020-01-06,10,11,10.1,10.5,100
            2020-01-07,-1,11,9,10.5,100
            2020-01-08,10,11,9,10.5,-5
            2020-01-08,10,11,9,10.5,100
            2020-01-08,10,11,9,10.5,100
            2020-01-07,10,11,9,10.5,100
            2020-01-09,ten,11,9,10.5,100
            2020-01-10,10,11,9
            2020-01-13,10,11,9,10.5,100
            """;

    @Test
    void bootstrapLoadedEveryBundledFile() throws Exception {
        JsonNode series = getJson("/series");
        Map<String, Long> counts = new java.util.HashMap<>();
        series.forEach(s -> counts.put(s.get("ticker").asString() + " " + s.get("timeframe").asString(), s.get("bars").asLong()));
        assertThat(counts).containsEntry("SPY 1d", 5241L).containsEntry("SPY 1m", 14180L + 17577L)
                .containsEntry("SPY 10m", 500L).containsEntry("SPX 1m", 1563L).containsEntry("MSFT 1d", 754L)
                .containsEntry("AAPL 1d", 3379L);
        // every bundled row is valid: no bootstrap import skipped anything
        assertThat(jdbc.sql("select coalesce(sum(rows_skipped), 0) from import_run where imported_by = 'bootstrap'")
                .query(Long.class).single()).isZero();
        // SPY 1m stamps are UTC bar ends: the first regular bar of 2011-03-09 starts 14:30Z (09:30 EST), close 132.35
        // is the bar ending 14:31Z (pyalgotrade's check)
        JsonNode bars = getJson("/bars/SPY?timeframe=1m&from=2011-03-09T14:30:00Z&to=2011-03-09T14:31:00Z").get("bars");
        assertThat(bars).hasSize(1);
        assertThat(bars.get(0).get("time").asString()).isEqualTo("2011-03-09T14:30:00Z");
        assertThat(bars.get(0).get("close").asDouble()).isEqualTo(132.35);
    }

    @Test
    void skipModeListsEveryBadRowWithItsLineAndStoresTheRest() throws Exception {
        HttpResponse<String> r = upload("BADSKIP_daily.csv", BAD_FILE, Map.of("mode", "skip"));
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode report = json.readTree(r.body());
        assertThat(report.get("status").asString()).isEqualTo("completed");
        assertThat(report.get("ticker").asString()).isEqualTo("BADSKIP");
        assertThat(report.get("imported_by").asString()).isEqualTo(USER);
        assertThat(report.get("rows_read").asInt()).isEqualTo(11);
        assertThat(report.get("bars_stored").asInt()).isEqualTo(3);
        assertThat(report.get("rows_skipped").asInt()).isEqualTo(8);
        Map<Integer, String> reasons = new java.util.TreeMap<>();
        report.get("problems").forEach(p -> reasons.put(p.get("line").asInt(), p.get("reason").asString()));
        assertThat(reasons).hasSize(8);
        assertThat(reasons.get(3)).contains("high 10.2 is below max(open, close) 10.5");
        assertThat(reasons.get(4)).contains("low 10.1 is above min(open, close) 10");
        assertThat(reasons.get(5)).contains("non-positive price");
        assertThat(reasons.get(6)).contains("negative volume");
        // line 6 was skipped, so line 7 is the good 2020-01-08 that line 8 repeats
        assertThat(reasons.get(8)).contains("duplicate time '2020-01-08' (same as line 7)");
        assertThat(reasons.get(9)).contains("out of order: time '2020-01-07' is before line 7's");
        assertThat(reasons.get(10)).contains("cannot read 'ten' in column 'open'");
        assertThat(reasons.get(11)).contains("expected 6 fields as in the header, found 4");
        assertThat(count("BADSKIP", "1d")).isEqualTo(3);
    }

    @Test
    void aRowWithNulBytesIsReportedAndTheReportIsStored() throws Exception {
        HttpResponse<String> r = upload("NULROW_daily.csv",
                "date,open,high,low,close,volume\n2019-01-02,1,2,0.5,1.5,10\n2019-01-03,\u0000\u0000,2,0.5,1.5,10\n", Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode report = json.readTree(r.body());
        assertThat(report.get("bars_stored").asInt()).isEqualTo(1);
        assertThat(report.get("problems").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(report.get("problems").get(0).get("text").asString()).doesNotContain("\u0000").contains("\uFFFD");
    }

    @Test
    void refuseModeStoresNothingAndAnswersTheReportAsProblemDetails() throws Exception {
        upload("BADREF_daily.csv", "date,open,high,low,close,volume\n2019-01-02,1,2,0.5,1.5,10\n", Map.of());
        long before = count("BADREF", "1d");
        HttpResponse<String> r = upload("BADREF_daily.csv", BAD_FILE, Map.of("mode", "refuse"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/problem+json"));
        JsonNode p = json.readTree(r.body());
        assertThat(p.get("errors")).hasSize(8);
        assertThat(p.get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(p.get("errors").get(0).get("file").asString()).isEqualTo("BADREF_daily.csv");
        assertThat(p.get("report").get("status").asString()).isEqualTo("refused");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at com.");
        assertThat(count("BADREF", "1d")).isEqualTo(before).isEqualTo(1);
    }

    @Test
    void reimportingTheSameFileIsIdempotent() throws Exception {
        String file = Files.readString(Path.of("../data/market/MSFT_daily_2012-01-03_2014-12-31_with_divs_splits.csv"));
        HttpResponse<String> first = upload("MSFTCOPY_daily.csv", file, Map.of("split_adjusted", "true"));
        assertThat(first.statusCode()).isEqualTo(201);
        long n = count("MSFTCOPY", "1d");
        HttpResponse<String> again = upload("MSFTCOPY_daily.csv", file, Map.of("split_adjusted", "true"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("status").asString()).isEqualTo("already_imported");
        assertThat(json.readTree(again.body()).get("import_id").asString())
                .isEqualTo(json.readTree(first.body()).get("import_id").asString());
        assertThat(count("MSFTCOPY", "1d")).isEqualTo(n).isEqualTo(754);
    }

    @Test
    void aFailureInsideTheImportTransactionLeavesTheStoreUnchanged() {
        // the bars are written first, then the import's record; a null importer violates import_run.imported_by's
        // NOT NULL constraint after the bars went in: the whole import must roll back
        byte[] file = "date,open,high,low,close,volume\n2020-01-02,10,11,9,10.5,100\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> importer.importFile("ATOMIC_daily.csv", file, ImportOptions.defaults(), null))
                .isInstanceOf(RuntimeException.class);
        assertThat(count("ATOMIC", "1d")).isZero();
        assertThat(jdbc.sql("select count(*) from series where ticker = 'ATOMIC'").query(Long.class).single()).isZero();
    }

    @Test
    void intradayLayoutsAreDetectedWhenNotGiven() throws Exception {
        // LEAN 10-minute file: local stamps marking bar end (first 09:40... last 16:00)
        String lean = Files.readString(Path.of("../data/market/SPY_10min_2015-03-03_2015-03-19_lean.csv"));
        JsonNode report = json.readTree(upload("LEANCOPY_10min.csv", lean, Map.of()).body());
        assertThat(report.get("timeframe").asString()).isEqualTo("10m");
        assertThat(report.get("bar_convention").asString()).isEqualTo("end");
        assertThat(report.get("first_bar").asString()).isEqualTo("2015-03-03T15:40:00Z"); // 10:40 EST start
        // NinjaTrader UTC bar-end minutes: UTC detected from the offsets, END from where the big volumes sit
        String nt = Files.readString(Path.of("../data/market/SPY_1min_2011-01-03_2011-01-31_utc_barend.csv"));
        JsonNode r2 = json.readTree(upload("NTCOPY_1min.csv", nt, Map.of()).body());
        assertThat(r2.get("timeframe").asString()).isEqualTo("1m");
        assertThat(r2.get("source_zone").asString()).isEqualTo("Z");
        assertThat(r2.get("bar_convention").asString()).isEqualTo("end");
        // SPX: local bar-start stamps from 09:30
        String spx = Files.readString(Path.of("../data/market/SPX_index_1min_2019-11-05_2019-11-08.csv"));
        JsonNode r3 = json.readTree(upload("SPXCOPY_1min.csv", spx, Map.of()).body());
        assertThat(r3.get("bar_convention").asString()).isEqualTo("start");
        assertThat(r3.get("first_bar").asString()).isEqualTo("2019-11-05T14:30:00Z");
    }

    @Test
    void corporateActionsAreKeptAndBarsServeRawOrAdjusted() throws Exception {
        // MSFT 2014-11-18 goes ex-dividend 0.31; the day before is scaled by 1 - 0.31 / close(2014-11-17) and also by
        // every later dividend (none later in the file)
        JsonNode raw = getJson("/bars/MSFT?timeframe=1d&from=2014-11-17&to=2014-11-18").get("bars");
        JsonNode adj = getJson("/bars/MSFT?timeframe=1d&from=2014-11-17&to=2014-11-18&adjusted=true").get("bars");
        assertThat(raw.get(1).get("dividend").asDouble()).isEqualTo(0.31);
        double close17 = raw.get(0).get("close").asDouble();
        assertThat(adj.get(1).get("close").asDouble()).isEqualTo(raw.get(1).get("close").asDouble());
        assertThat(adj.get(0).get("close").asDouble()).isCloseTo(close17 * (1 - 0.31 / close17), org.assertj.core.data.Offset.offset(1e-9));
        // AAPL carries Yahoo's Adj Close on every bar: adjusted = vendor factor; the split row is kept (7 on 2014-06-09)
        JsonNode split = getJson("/bars/AAPL?timeframe=1d&from=2014-06-09&to=2014-06-09").get("bars").get(0);
        assertThat(split.get("split").asDouble()).isEqualTo(7.0);
        JsonNode aAdj = getJson("/bars/AAPL?timeframe=1d&from=2014-06-09&to=2014-06-09&adjusted=true").get("bars").get(0);
        assertThat(aAdj.get("close").asDouble()).isCloseTo(87.878624, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void withoutATokenTheAnswerIs401() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/series")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("\"status\":401");
    }
}
