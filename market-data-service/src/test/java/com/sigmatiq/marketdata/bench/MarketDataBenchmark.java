package com.sigmatiq.marketdata.bench;

import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.marketdata.IntegrationTestSupport;
import com.sigmatiq.marketdata.TestTokens;
import com.sigmatiq.marketdata.domain.ImportMode;
import com.sigmatiq.marketdata.domain.ImportOptions;
import com.sigmatiq.marketdata.domain.ImportReport;
import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.marketdata.feed.ReplayRequest;
import com.sigmatiq.marketdata.feed.ReplayService;
import com.sigmatiq.marketdata.importing.BarImportService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import speed, bulk-read speed of 1,000,000 bars over HTTP (in-JVM client and a curl process) and the replay's
 * maximum bar rate, on the embedded PostgreSQL and Kafka. Not part of the default run:
 * {@code ./mvnw -B -o -pl market-data-service test -Dtest=MarketDataBenchmark -Dsurefire.excludedGroups=none}.
 */
@Tag("bench")
class MarketDataBenchmark extends IntegrationTestSupport {

    private static final int BARS = 1_000_000;

    @Autowired
    BarImportService importer;
    @Autowired
    ReplayService replays;

    @Test
    void benchmark() throws Exception {
        // 1,000,000 synthetic 1-minute bars, UTC stamps, a random walk
        long t0 = Instant.parse("2015-01-05T00:00:00Z").toEpochMilli();
        StringBuilder sb = new StringBuilder(BARS * 70);
        sb.append("timestamp,open,high,low,close,volume\n");
        Random rnd = new Random(42);
        double px = 100;
        for (int i = 0; i < BARS; i++) {
            double o = px, c = Math.max(1, px + rnd.nextGaussian() * 0.05);
            double h = Math.max(o, c) + rnd.nextDouble() * 0.02, l = Math.min(o, c) - rnd.nextDouble() * 0.02;
            sb.append(Instant.ofEpochMilli(t0 + i * 60_000L)).append(',').append(round(o)).append(',').append(round(h))
                    .append(',').append(round(l)).append(',').append(round(c)).append(',').append(100 + rnd.nextInt(10_000)).append('\n');
            px = c;
        }
        byte[] csv = sb.toString().getBytes(StandardCharsets.US_ASCII);
        String ticker = "BENCH" + Long.toString(System.nanoTime() % 100_000);
        ImportOptions options = new ImportOptions(ticker, ExchangeCalendar.NEW_YORK, null,
                com.sigmatiq.marketdata.domain.BarConvention.START, Timeframe.M1, false, ImportMode.SKIP);
        long s = System.nanoTime();
        ImportReport report = importer.importFile(ticker + "_1min.csv", csv, options, "bench");
        double importSec = (System.nanoTime() - s) / 1e9;
        assertThat(report.barsStored()).isEqualTo(BARS);
        System.out.printf("BENCH import: %d bars (%.1f MB CSV) in %.2f s = %.0f bars/s (parse + checks + COPY + upsert)%n",
                BARS, csv.length / 1e6, importSec, BARS / importSec);

        String path = "/bars/" + ticker + "?timeframe=1m&extended=true&from=2015-01-01&to=2017-12-31";
        for (String fmt : List.of("binary", "csv&time=epoch_ms", "csv")) {
            double[] times = new double[5];
            long bytes = 0;
            for (int k = 0; k < times.length; k++) {
                long a = System.nanoTime();
                HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(uri(path + "&format=" + fmt))
                        .header("Authorization", "Bearer " + TestTokens.token(USER)).build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                    bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                times[k] = (System.nanoTime() - a) / 1e9;
            }
            Arrays.sort(times);
            System.out.printf("BENCH bulk read %s, in-JVM HttpClient: %d bars, %.1f MB, best %.3f s, median %.3f s%n",
                    fmt, BARS, bytes / 1e6, times[0], times[2]);
        }
        for (String fmt : List.of("binary", "csv&time=epoch_ms")) {
            String url = uri(path + "&format=" + fmt).toString();
            double best = Double.MAX_VALUE;
            String out = "";
            for (int k = 0; k < 3; k++) {
                Process p = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{time_total} %{size_download}",
                        "-H", "Authorization: Bearer " + TestTokens.token(USER), url).start();
                out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                p.waitFor();
                best = Math.min(best, Double.parseDouble(out.split(" ")[0]));
            }
            System.out.printf("BENCH bulk read %s, curl process: best %.3f s (%s)%n", fmt, best, out);
        }

        // replay at max speed: 200,000 one-minute bars to market.bars.1m
        long from = t0, to = t0 + 200_000L * 60_000L;
        long a = System.nanoTime();
        var row = replays.start(new ReplayRequest(List.of(ticker), Timeframe.M1, List.of(Timeframe.M1), from, to, 0, true), "bench");
        while (!replays.get(row.id()).status().equals("completed")) {
            Thread.sleep(20);
            assertThat(replays.get(row.id()).status()).isIn("running", "completed");
        }
        double sec = (System.nanoTime() - a) / 1e9;
        System.out.printf("BENCH replay max speed: %d bars in %.2f s = %.0f bars/s (JSON envelopes, idempotent producer, acks=all)%n",
                replays.get(row.id()).total(), sec, replays.get(row.id()).total() / sec);
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
