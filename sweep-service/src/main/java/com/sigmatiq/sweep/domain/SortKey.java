package com.sigmatiq.sweep.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a leaderboard can be sorted by: every stored metric, under its leaderboard and its metrics name. */
public enum SortKey {
    SHARPE("sharpe", "sharpe_ratio"),
    DEFLATED_SHARPE("deflated_sharpe", "deflated_sharpe_ratio"),
    RETURN("return", "total_return"),
    ANNUALIZED_RETURN("annualized_return"),
    SORTINO("sortino", "sortino_ratio"),
    MAX_DRAWDOWN("max_drawdown"),
    CALMAR("calmar", "calmar_ratio"),
    WIN_RATE("win_rate"),
    PROFIT_FACTOR("profit_factor"),
    TRADES("trades", "total_trades"),
    AVG_TRADE_DURATION_DAYS("avg_trade_duration_days"),
    BEST_TRADE("best_trade"),
    WORST_TRADE("worst_trade"),
    AVG_WINNER("avg_winner"),
    AVG_LOSER("avg_loser"),
    EXPOSURE("exposure"),
    HOLDOUT_SHARPE("holdout_sharpe"),
    HOLDOUT_RETURN("holdout_return"),
    COMBO_ID("combo_id");

    private final List<String> names;

    SortKey(String... names) {
        this.names = List.of(names);
    }

    public String label() {
        return names.get(0);
    }

    public static Optional<SortKey> of(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.names.contains(n)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).flatMap(k -> k.names.stream()).toList();
    }
}
