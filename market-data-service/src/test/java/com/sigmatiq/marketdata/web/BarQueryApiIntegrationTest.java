package com.sigmatiq.marketdata.web;

import com.sigmatiq.marketdata.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class BarQueryApiIntegrationTest extends IntegrationTestSupport {

    private static final ZoneId NY = ZoneId.of("America/New_York");

    /** Session OHLCV of the regular session computed by hand from the raw NinjaTrader file (UTC bar-end stamps). */
    private static Map<LocalDate, double[]> handDaily(String file) throws Exception {
        Map<LocalDate, double[]> out = new TreeMap<>();
        List<String> lines = Files.readAllLines(Path.of("../data/market/" + file));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            ZonedDateTime start = Instant.parse(f[0]).minusSeconds(60).atZone(NY);
            int minute = start.getHour() * 60 + start.getMinute();
            if (minute < 9 * 60 + 30 || minute >= 16 * 60) {
                continue;
            }
            double o = Double.parseDouble(f[1]), h = Double.parseDouble(f[2]), l = Double.parseDouble(f[3]);
            double c = Double.parseDouble(f[4]), v = Double.parseDouble(f[5]);
            double[] d = out.get(start.toLocalDate());
            if (d == null) {
                out.put(start.toLocalDate(), new double[] {o, h, l, c, v, 1});
            } else {
                d[1] = Math.max(d[1], h);
                d[2] = Math.min(d[2], l);
                d[3] = c;
                d[4] += v;
                d[5]++;
            }
        }
        return out;
    }

    @Test
    void theOpenApiDocumentHasItsTitleAndTypedAnswers() throws Exception {
        JsonNode docs = getJson("/v3/api-docs");
        assertThat(docs.get("info").get("title").asString()).isEqualTo("Sigmatiq market-data-service");
        assertThat(docs.get("info").get("description").asString()).contains("Bar imports");
        assertThat(docs.get("paths").get("/series").get("get").get("responses").get("200").toString())
                .contains("#/components/schemas/SeriesView");
    }

    @Test
    void dailyBarsResampledFromMinutesAreTheRegularSessionsOhlcAndVolume() throws Exception {
        for (String[] month : new String[][] {{"SPY_1min_2011-01-03_2011-01-31_utc_barend.csv", "2011-01-01", "2011-01-31"},
                {"SPY_1min_2011-03-01_2011-03-31_utc_barend.csv", "2011-03-01", "2011-03-31"}}) {
            Map<LocalDate, double[]> hand = handDaily(month[0]);
            JsonNode bars = getJson("/bars/SPY?timeframe=1d&source=1m&from=" + month[1] + "&to=" + month[2]).get("bars");
            assertThat(bars).hasSize(hand.size());
            int i = 0;
            for (var e : hand.entrySet()) {
                JsonNode b = bars.get(i++);
                double[] d = e.getValue();
                assertThat(b.get("time").asString()).isEqualTo(e.getKey().atStartOfDay(NY).toInstant().toString());
                assertThat(new double[] {b.get("open").asDouble(), b.get("high").asDouble(), b.get("low").asDouble(),
                        b.get("close").asDouble(), b.get("volume").asDouble()})
                        .as("session %s", e.getKey()).containsExactly(d[0], d[1], d[2], d[3], d[4]);
                assertThat(d[5]).as("every session of the file is complete").isEqualTo(390);
            }
        }
    }

    @Test
    void intradayResamplingFollowsTheSessionAcrossTheDstChange() throws Exception {
        // Friday 2011-03-11 is EST (UTC-5), Monday 2011-03-14 EDT (UTC-4): the regular session moves an hour in UTC
        JsonNode fri = getJson("/bars/SPY?timeframe=5m&from=2011-03-11&to=2011-03-11").get("bars");
        JsonNode mon = getJson("/bars/SPY?timeframe=5m&from=2011-03-14&to=2011-03-14").get("bars");
        assertThat(fri).hasSize(78);
        assertThat(mon).hasSize(78);
        assertThat(fri.get(0).get("time").asString()).isEqualTo("2011-03-11T14:30:00Z");
        assertThat(fri.get(77).get("time").asString()).isEqualTo("2011-03-11T20:55:00Z");
        assertThat(mon.get(0).get("time").asString()).isEqualTo("2011-03-14T13:30:00Z");
        assertThat(mon.get(77).get("time").asString()).isEqualTo("2011-03-14T19:55:00Z");
        JsonNode hours = getJson("/bars/SPY?timeframe=1h&from=2011-03-14&to=2011-03-14").get("bars");
        assertThat(hours).hasSize(7); // 09:30-10:30 … 14:30-15:30, 15:30-16:00
        assertThat(hours.get(6).get("time").asString()).isEqualTo("2011-03-14T19:30:00Z");
        assertThat(getJson("/bars/SPY?timeframe=15m&from=2011-03-14&to=2011-03-14").get("count").asInt()).isEqualTo(26);
        // the 1h bars of a session sum to its daily volume
        double hourVolume = 0;
        for (JsonNode h : hours) {
            hourVolume += h.get("volume").asDouble();
        }
        JsonNode day = getJson("/bars/SPY?timeframe=1d&source=1m&from=2011-03-14&to=2011-03-14").get("bars").get(0);
        assertThat(hourVolume).isEqualTo(day.get("volume").asDouble());
        // extended hours add the pre- and post-market minutes
        JsonNode ext = getJson("/bars/SPY?timeframe=1d&source=1m&extended=true&from=2011-03-14&to=2011-03-14").get("bars").get(0);
        assertThat(ext.get("volume").asDouble()).isGreaterThan(day.get("volume").asDouble());
        assertThat(getJson("/bars/SPY?timeframe=1m&extended=true&from=2011-03-14&to=2011-03-14").get("count").asInt())
                .isGreaterThan(390);
    }

    @Test
    void bulkCsvAndBinaryCarryTheSameBarsAsJson() throws Exception {
        String range = "/bars/SPY?timeframe=1m&extended=true&from=2011-01-03&to=2011-01-31";
        JsonNode js = getJson(range).get("bars");
        HttpResponse<byte[]> csv = getBytes(range, "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = new String(csv.body(), StandardCharsets.US_ASCII).split("\n");
        assertThat(lines[0]).isEqualTo("time,open,high,low,close,volume");
        assertThat(lines).hasSize(js.size() + 1);
        assertThat(lines[1]).startsWith(js.get(0).get("time").asString() + ",");
        HttpResponse<byte[]> bin = getBytes(range, "application/vnd.sigmatiq.bars");
        assertThat(bin.statusCode()).isEqualTo(200);
        assertThat(bin.body().length).isEqualTo(8 + 48 * js.size());
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bin.body()));
        in.skipNBytes(8);
        for (int i = 0; i < js.size(); i++) {
            JsonNode b = js.get(i);
            assertThat(in.readLong()).isEqualTo(Instant.parse(b.get("time").asString()).toEpochMilli());
            assertThat(new double[] {in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()})
                    .containsExactly(b.get("open").asDouble(), b.get("high").asDouble(), b.get("low").asDouble(),
                            b.get("close").asDouble(), b.get("volume").asDouble());
        }
        // resampled answers stream from Java in the same layouts
        HttpResponse<byte[]> r5 = getBytes("/bars/SPY?timeframe=5m&from=2011-01-03&to=2011-01-31&format=binary", "*/*");
        assertThat(r5.body().length).isEqualTo(8 + 48 * 78 * 20);
    }

    @Test
    void theCalendarMatchesEverySessionOfTwentyYearsOfSpyDailyBars() throws Exception {
        JsonNode gaps = getJson("/bars/SPY/gaps?timeframe=1d&from=1999-11-01&to=2020-08-28");
        assertThat(gaps.get("missing_sessions")).isEmpty();
        assertThat(gaps.get("non_session_dates")).isEmpty();
        assertThat(gaps.get("sessions_expected").asInt()).isEqualTo(5241);
        JsonNode minutes = getJson("/bars/SPY/gaps?timeframe=1m&from=2011-03-01&to=2011-03-31");
        assertThat(minutes.get("sessions_expected").asInt()).isEqualTo(23);
        assertThat(minutes.get("missing_sessions")).isEmpty();
        assertThat(minutes.get("incomplete_sessions")).isEmpty();
        // February is not in the files: every session of it is reported missing
        JsonNode feb = getJson("/bars/SPY/gaps?timeframe=1m&from=2011-02-01&to=2011-02-28");
        assertThat(feb.get("missing_sessions")).hasSize(19); // 20 weekdays minus Washington's Birthday
        JsonNode holidays = getJson("/calendar/holidays?year=2011");
        assertThat(holidays.toString()).contains("2011-01-17", "2011-02-21", "2011-04-22", "2011-05-30", "2011-07-04",
                "2011-09-05", "2011-11-24", "2011-12-26").doesNotContain("2010-12-31");
        JsonNode sessions = getJson("/calendar/sessions?from=2011-11-25&to=2011-11-25");
        assertThat(sessions.get(0).get("early_close").asBoolean()).isTrue();
        assertThat(sessions.get(0).get("close").asString()).isEqualTo("2011-11-25T18:00:00Z");
    }

    @Test
    void unknownTickerAndBadParametersAreProblemDetails() throws Exception {
        HttpResponse<String> r = get("/bars/NOPE?timeframe=1d");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("NOPE");
        HttpResponse<String> bad = get("/bars/SPY?timeframe=7m");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("errors").get(0).get("field").asString()).isEqualTo("timeframe");
        HttpResponse<String> cannot = get("/bars/SPY?timeframe=1m&source=1d");
        assertThat(cannot.statusCode()).isEqualTo(400);
    }
}
