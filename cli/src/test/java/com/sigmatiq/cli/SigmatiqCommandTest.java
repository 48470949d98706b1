package com.sigmatiq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigmatiqCommandTest {

    @TempDir
    Path dir;

    private static Path repo(String relative) {
        return CliRun.repo(relative);
    }

    private static int run(StringWriter err, String... args) {
        return CliRun.run(err, args);
    }

    @Test
    void indicatorsWritesOneColumnPerOutputAndFeature() throws IOException {
        Path out = dir.resolve("ind.csv");
        int rc = run(new StringWriter(), "indicators", "--data", repo("data/market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv").toString(),
                "--pack", repo("packs/swingsigma").toString(), "--set", "rsi_period=21", "--out", out.toString());
        assertThat(rc).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("timestamp,rsi,macd_line,signal_line,macd_histogram,stochastic,stochastic_d,ema_20,ema_50,"
                + "adx,plus_di,minus_di,bb_upper,bb_middle,bb_lower,atr,obv,volume_ma,"
                + "rsi_divergence,macd_cross,trend_strength,bb_squeeze,volume_surge,momentum_composite");
        assertThat(lines).hasSize(5242);
        String[] first = lines.get(1).split(",", -1);
        assertThat(first[0]).isEqualTo("1999-11-01");
        assertThat(first[1]).isEmpty(); // RSI(21) has no value on the first bar
        assertThat(first[16]).isEqualTo("4006500.0"); // OBV[0] = volume[0]
        String[] row21 = lines.get(22).split(",", -1); // index 21: RSI(21)'s first value, RSI(14) had one at 14
        assertThat(row21[1]).isNotEmpty();
        assertThat(lines.get(21).split(",", -1)[1]).isEmpty();
    }

    @Test
    void aMalformedFileGetsTheLineNumberNotAStackTrace() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "date,open,high,low,close,volume\n2020-01-02,1,2,0.5,1.5,10\n2020-01-03,1,2,oops,1.5,10\n");
        StringWriter err = new StringWriter();
        int rc = run(err, "indicators", "--data", bad.toString(), "--pack", repo("packs/swingsigma").toString(), "--out", dir.resolve("o.csv").toString());
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString()).contains("bad.csv:3").contains("'oops'").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void backtestWritesTheSeedsResultShape() throws IOException {
        Path out = dir.resolve("bt");
        int rc = run(new StringWriter(), "backtest", "--data", repo("data/market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv").toString(),
                "--pack", repo("packs/swingsigma").toString(), "--strategy", "momentum_swing", "--set", "threshold=0.75",
                "--from", "2010-01-01", "--to", "2014-12-31", "--out", out.toString());
        assertThat(rc).isZero();
        String json = Files.readString(out.resolve("result.json"));
        assertThat(json).contains("\"config\"", "\"metrics\"", "\"gate_results\"", "\"checks\"", "\"min_trades\"", "\"trades\"",
                "\"start\" : \"2010-01-04\"", "\"end\" : \"2014-12-31\"");
        assertThat(Files.readAllLines(out.resolve("trades.csv")).get(0)).startsWith("entry_time,exit_time,entry_price");
        assertThat(Files.readAllLines(out.resolve("equity.csv"))).hasSize(1 + 1258); // sessions 2010-2014 in the file
    }

    @Test
    void unknownOverrideKeyListsTheValidOnes() {
        StringWriter err = new StringWriter();
        int rc = run(err, "backtest", "--data", repo("data/market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv").toString(),
                "--pack", repo("packs/swingsigma").toString(), "--strategy", "momentum_swing", "--set", "rsi_perid=3",
                "--out", dir.resolve("x").toString());
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString()).contains("unknown parameter 'rsi_perid'").contains("rsi_period");
    }

    @Test
    void sweepWritesTheSeedsLeaderboardShape() throws IOException {
        Path out = dir.resolve("sweep");
        int rc = run(new StringWriter(), "sweep", "--data", repo("data/market/SPY_1min_2011-03-01_2011-03-31_utc_barend.csv").toString(),
                "--bar-end", "--pack", repo("packs/swingsigma").toString(), "--strategy", "momentum_swing",
                "--grid", repo("docs/examples/simple_sweep.json").toString(), "--top", "5", "--out", out.toString());
        assertThat(rc).isZero();
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> board = ResultWriter.JSON.readValue(out.resolve("leaderboard.json").toFile(), java.util.Map.class);
        assertThat(board).containsEntry("total_combinations", 45);
        assertThat(((Number) board.get("passed_gates")).intValue() + ((Number) board.get("failed_gates")).intValue()).isEqualTo(45);
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> rows = (List<java.util.Map<String, Object>>) board.get("leaderboard");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).containsKeys("rank", "combo_id", "config", "sharpe", "return", "trades", "gate", "deflated_sharpe");
        for (int i = 1; i < rows.size(); i++) {
            assertThat(((Number) rows.get(i).get("sharpe")).doubleValue()).isLessThanOrEqualTo(((Number) rows.get(i - 1).get("sharpe")).doubleValue());
            assertThat(rows.get(i).get("rank")).isEqualTo(i + 1);
        }
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> config = (java.util.Map<String, Object>) rows.get(0).get("config");
        assertThat(config).containsOnlyKeys("threshold", "allowed_hours", "position_size_pct");
    }

    @Test
    void sweepRefusesUnknownGridKeysWithTheValidOnes() throws IOException {
        Path grid = dir.resolve("grid.json");
        Files.writeString(grid, "{\"parameters\": {\"stop_los_pct\": [4, 6]}}");
        StringWriter err = new StringWriter();
        int rc = run(err, "sweep", "--data", repo("data/market/SPY_daily_1999-11-01_2020-08-28_pandas-ta.csv").toString(),
                "--pack", repo("packs/swingsigma").toString(), "--strategy", "momentum_swing", "--grid", grid.toString(),
                "--out", dir.resolve("s").toString());
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString()).contains("stop_los_pct").contains("stop_loss_pct");
    }
}
