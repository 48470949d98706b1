package com.sigmatiq.cli;

import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.backtest.Trade;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.run.StrategyBacktest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a backtest in the seed's result shape ({@code result.json}) plus {@code trades.csv} and {@code equity.csv}. */
final class ResultWriter {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultWriter() {
    }

    /**
     * The seed's individual backtest result: config, metrics, gate_results, trades; and {@code trained_model}, the
     * model whose confidence the entries needed, when not null.
     */
    static Map<String, Object> resultJson(StrategyBacktest.Report r, BarSeries bars, Map<String, Object> requested,
                                          Map<String, Object> trainedModel) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("strategy_id", r.config().strategyId());
        m.put("ticker", bars.ticker());
        m.put("timeframe", bars.timeframe().label());
        m.put("date_range", Map.of("start", date(bars.time()[r.from()], bars.zone()).toString(),
                "end", date(bars.time()[r.to() - 1], bars.zone()).toString()));
        m.put("config", r.config().toMap());
        m.put("requested_overrides", requested);
        if (trainedModel != null) {
            m.put("trained_model", trainedModel);
        }
        m.put("metrics", r.result().metrics().toMap());
        m.put("gate_results", r.verdict().toMap());
        List<Map<String, Object>> trades = new ArrayList<>();
        for (Trade t : r.result().trades()) {
            trades.add(tradeJson(t, bars.zone(), bars.timeframe().isDaily()));
        }
        m.put("trades", trades);
        return m;
    }

    static Map<String, Object> tradeJson(Trade t, ZoneId zone, boolean daily) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entry_date", date(t.entryTime(), zone).toString());
        m.put("exit_date", date(t.exitTime(), zone).toString());
        if (!daily) {
            m.put("entry_time", Instant.ofEpochMilli(t.entryTime()).toString());
            m.put("exit_time", Instant.ofEpochMilli(t.exitTime()).toString());
        }
        m.put("entry_price", t.entryPrice());
        m.put("exit_price", t.exitPrice());
        m.put("shares", t.shares());
        m.put("return", t.returnFraction());
        m.put("pnl", t.pnl());
        m.put("duration_days", t.durationDays());
        m.put("exit_reason", t.exitReason().id());
        return m;
    }

    static LocalDate date(long millis, ZoneId zone) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(millis), zone);
    }

    /** Writes the three files; {@code result.json} names the trained model used when {@code trainedModel} is not null. */
    static void write(Path dir, StrategyBacktest.Report r, BarSeries bars, Map<String, Object> requested,
                      Map<String, Object> trainedModel) throws IOException {
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve("result.json").toFile(), resultJson(r, bars, requested, trainedModel));
        boolean daily = bars.timeframe().isDaily();
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("trades.csv"), StandardCharsets.UTF_8)) {
            w.write("entry_time,exit_time,entry_price,exit_price,shares,return,pnl,duration_days,exit_reason");
            w.newLine();
            for (Trade t : r.result().trades()) {
                w.write(stamp(t.entryTime(), bars.zone(), daily) + "," + stamp(t.exitTime(), bars.zone(), daily) + ","
                        + t.entryPrice() + "," + t.exitPrice() + "," + t.shares() + "," + t.returnFraction() + ","
                        + t.pnl() + "," + t.durationDays() + "," + t.exitReason().id());
                w.newLine();
            }
        }
        BacktestResult res = r.result();
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("equity.csv"), StandardCharsets.UTF_8)) {
            w.write("date,equity");
            w.newLine();
            for (int i = 0; i < res.dailyEquity().length; i++) {
                w.write(LocalDate.ofEpochDay(res.sessionEpochDays()[i]) + "," + res.dailyEquity()[i]);
                w.newLine();
            }
        }
    }

    private static String stamp(long millis, ZoneId zone, boolean daily) {
        return daily ? date(millis, zone).toString() : Instant.ofEpochMilli(millis).toString();
    }
}
