package com.sigmatiq.sim.domain;

import com.sigmatiq.engine.backtest.Trade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper trades against a backtest of the published model over exactly the paper period's bars, trade by trade,
 * matched by entry bar: {@code matched} (same entry bar), {@code missing} (in the backtest, not in paper), {@code extra}
 * (in paper, not in the backtest), and every difference of a matched pair (exit bar, reason, shares, or a price more
 * than half a cent apart), with the largest price difference. By construction there is none; one is a defect, shown.
 *
 * @param backtestTrades      the backtest's trades
 * @param paperTrades         the paper trades
 * @param matched             pairs with the same entry bar
 * @param identical           matched pairs equal in everything to the cent
 * @param missing             entry times of backtest trades paper does not have
 * @param extra               entry times of paper trades the backtest does not have
 * @param differences         what differs in matched pairs, one line each
 * @param maxPriceDifference  largest |paper − backtest| of an entry or exit price over matched pairs (0 without)
 * @param mismatches          trades that disagree: missing, extra, and matched pairs that are not identical
 */
public record Reconciliation(int backtestTrades, int paperTrades, int matched, int identical, List<Instant> missing,
                             List<Instant> extra, List<String> differences, double maxPriceDifference, int mismatches) {

    /** Half a cent: prices closer than this are the same to the cent. */
    public static final double CENT = 0.005;

    public static Reconciliation of(List<PaperBook.Trade> paper, List<Trade> backtest) {
        Map<Long, Trade> byEntry = new HashMap<>();
        for (Trade t : backtest) {
            byEntry.put(t.entryTime(), t);
        }
        List<Instant> extra = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        int matched = 0;
        int identical = 0;
        double maxDiff = 0;
        Map<Long, Boolean> seen = new HashMap<>();
        for (PaperBook.Trade p : paper) {
            Trade b = byEntry.get(p.entryTime());
            if (b == null) {
                extra.add(Instant.ofEpochMilli(p.entryTime()));
                continue;
            }
            seen.put(p.entryTime(), true);
            matched++;
            double entryDiff = Math.abs(p.entryPrice() - b.entryPrice());
            double exitDiff = Math.abs(p.exitPrice() - b.exitPrice());
            maxDiff = Math.max(maxDiff, Math.max(entryDiff, exitDiff));
            List<String> d = new ArrayList<>();
            if (p.exitTime() != b.exitTime()) {
                d.add("exit bar " + Instant.ofEpochMilli(p.exitTime()) + " vs " + Instant.ofEpochMilli(b.exitTime()));
            }
            if (p.exitReason() != b.exitReason()) {
                d.add("exit reason " + p.exitReason().id() + " vs " + b.exitReason().id());
            }
            if (p.shares() != b.shares()) {
                d.add("shares " + p.shares() + " vs " + b.shares());
            }
            if (entryDiff > CENT) {
                d.add("entry price " + p.entryPrice() + " vs " + b.entryPrice());
            }
            if (exitDiff > CENT) {
                d.add("exit price " + p.exitPrice() + " vs " + b.exitPrice());
            }
            if (d.isEmpty()) {
                identical++;
            } else {
                differences.add("trade entered " + Instant.ofEpochMilli(p.entryTime()) + ": " + String.join("; ", d));
            }
        }
        List<Instant> missing = new ArrayList<>();
        for (Trade b : backtest) {
            if (!seen.containsKey(b.entryTime())) {
                missing.add(Instant.ofEpochMilli(b.entryTime()));
            }
        }
        return new Reconciliation(backtest.size(), paper.size(), matched, identical, missing, extra, differences, maxDiff,
                missing.size() + extra.size() + (matched - identical));
    }
}
