package com.sigmatiq.sim.support;

import com.sigmatiq.engine.backtest.Decision;
import com.sigmatiq.engine.backtest.ExecutionParams;
import com.sigmatiq.engine.backtest.ExitReason;
import com.sigmatiq.engine.backtest.StrategyEvaluator;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.signal.ConfidenceModel;
import com.sigmatiq.engine.signal.SignalEngine;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.ml.TrainedModel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alerts alert-service sends on {@code alerts.paper} for a published model on a run of bars, made the way its
 * runtime makes them: the engine's streaming evaluator of the configuration with the trained model's confidence
 * (warmed up on the bars before {@code from}), at most {@code maxPerDay} BUYs a day through the confidence; a BUY at
 * every entry decided, a SELL ({@code exit_signal}) at every rule exit decided, a SELL with the bracket's reason at
 * every other exit. Documents in its shape (seed 7.2, snake_case), ids {@code alert_<pub>_<yyyyMMdd_HHmmss>_<buy|sell>}.
 */
public final class PaperAlerts {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private PaperAlerts() {
    }

    /** One alert: its id, the deciding bar and the document. */
    public record Sent(String alertId, long barTime, String document) {
    }

    public static List<Sent> of(String publishedId, StrategyConfig config, TrainedModel model, int maxPerDay,
                                BarSeries bars, int from, int to, double paperEquity) {
        var zone = ExchangeCalendar.NEW_YORK;
        ConfidenceModel trained = model.confidence(config.pack());
        long[] cap = {Long.MIN_VALUE, 0};
        ConfidenceModel capped = bar -> {
            long day = LocalDate.ofInstant(Instant.ofEpochMilli(bar.time()), zone).toEpochDay();
            double p = trained.confidence(bar);
            return day == cap[0] && cap[1] >= maxPerDay ? 0 : p;
        };
        Timeframe tf = bars.timeframe();
        StrategyEvaluator ev = StrategyEvaluator.streaming(SignalEngine.compile(config, model.inputNames()),
                ExecutionParams.of(config), capped, zone, tf, true);
        for (int i = 0; i < from; i++) {
            ev.warmUp(bars.time()[i], bars.open()[i], bars.high()[i], bars.low()[i], bars.close()[i], bars.volume()[i]);
        }
        List<Sent> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            long t = bars.time()[i];
            Decision d = ev.onBar(t, bars.open()[i], bars.high()[i], bars.low()[i], bars.close()[i], bars.volume()[i]);
            if (d.exitDecided()) {
                out.add(sell(publishedId, t, "exit_signal", null));
            } else if (d.trade() != null && d.trade().exitReason() != ExitReason.EXIT_SIGNAL) {
                out.add(sell(publishedId, t, d.trade().exitReason().id(), d.trade().exitPrice()));
            }
            if (d.entryDecided()) {
                long day = LocalDate.ofInstant(Instant.ofEpochMilli(t), zone).toEpochDay();
                if (day != cap[0]) {
                    cap[0] = day;
                    cap[1] = 0;
                }
                cap[1]++;
                long qty = (long) Math.floor(paperEquity * d.orderFraction() / bars.close()[i]);
                out.add(buy(publishedId, t, qty, bars.close()[i]));
            }
        }
        return out;
    }

    /** A BUY document decided at the close of the bar starting at {@code t}. */
    public static String buyDocument(String pub, long t, long qty, double price) {
        return buy(pub, t, qty, price).document();
    }

    static Sent buy(String pub, long t, long qty, double price) {
        String id = "alert_" + pub + "_" + ID_TIME.format(Instant.ofEpochMilli(t)) + "_buy";
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("order_type", "limit");
        order.put("quantity", qty);
        order.put("entry_price", Math.round(price * 100) / 100.0);
        order.put("time_in_force", "day");
        return new Sent(id, t, json(id, pub, t, "BUY", order));
    }

    static Sent sell(String pub, long t, String reason, Double exitPrice) {
        String id = "alert_" + pub + "_" + ID_TIME.format(Instant.ofEpochMilli(t)) + "_sell";
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("order_type", "exit_signal".equals(reason) ? "market" : "bracket");
        order.put("quantity", 0);
        order.put("exit_reason", reason);
        order.put("exit_price", exitPrice);
        return new Sent(id, t, json(id, pub, t, "SELL", order));
    }

    private static String json(String id, String pub, long t, String action, Map<String, Object> order) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("alert_id", id);
        doc.put("timestamp", Instant.ofEpochMilli(t).toString());
        doc.put("model_id", pub);
        doc.put("user_id", "user_1");
        doc.put("signal", Map.of("action", action, "instrument", "stock", "ticker", "SPY", "urgency", "immediate"));
        doc.put("order_details", order);
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(doc);
    }
}
