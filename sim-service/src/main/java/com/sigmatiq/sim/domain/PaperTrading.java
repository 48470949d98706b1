package com.sigmatiq.sim.domain;

import com.sigmatiq.contracts.model.ModelPublished;
import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.ml.TrainedModel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paper trading (DESIGN §7 "Paper trading"): accounts from publications, bars and alerts into their books, and at the
 * end of each period the performance, the reconciliation with the backtest and the recommendation, stored with
 * {@code paper.completed} in one transaction.
 *
 * <p>Books are kept in memory and built from the store when first needed (after a restart, or when an alert came for
 * a bar a book had passed); bars and alerts are stored before a book takes them, so a book is never ahead of the store.
 * One lock per account.
 */
@Service
public class PaperTrading {

    private static final Logger log = LoggerFactory.getLogger(PaperTrading.class);
    static final ZoneId ZONE = ExchangeCalendar.NEW_YORK;

    private final SimStore store;
    private final RuntimeSources sources;
    private final PaperEvents events;
    private final AccountUpdates updates;
    private final SimProperties properties;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, PaperBook> books = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, Pack> packs = new ConcurrentHashMap<>();

    public PaperTrading(SimStore store, RuntimeSources sources, PaperEvents events, AccountUpdates updates,
                        SimProperties properties, TransactionTemplate tx, JsonMapper json, Clock clock) {
        this.store = store;
        this.sources = sources;
        this.events = events;
        this.updates = updates;
        this.properties = properties;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ inputs

    /**
     * Opens the paper account of a publication that paper-trades first (others have none): its configuration is
     * resolved on the pack once and its execution settings stored with it.
     *
     * @return the account, or empty when the publication does not paper-trade
     */
    public Optional<Account> published(String ownerId, ModelPublished p) {
        if (!p.paperTradeFirst() || !"paper_trading".equals(p.status())) {
            return Optional.empty();
        }
        StrategyConfig config = config(p.packId(), p.packVersion(), p.strategyId(), p.effectiveConfig());
        String feed = ModelPublished.FEED_REPLAY.equals(p.feed()) && p.replayId() != null ? p.replayId() : Account.LIVE;
        int sessions = p.paperTradeDurationDays() == null ? 14 : p.paperTradeDurationDays();
        double equity = p.paperEquity() > 0 ? p.paperEquity() : 50_000;
        Account a = new Account(Account.idOf(p.publishedId()), p.publishedId(), ownerId, p.modelId(), p.trainedModelId(),
                p.name(), p.ticker(), p.timeframe(), p.packId(), p.packVersion(), p.strategyId(), p.effectiveConfig(), feed,
                p.maxAlertsPerDay(), equity, sessions, Execution.of(config), properties.recommendation().toRules(),
                Account.PAPER_TRADING, null, null, null, clock.instant(), null);
        if (store.insert(a)) {
            log.info("{}: paper account {} opened ({} {}, feed {}, {} sessions, equity {})", p.publishedId(), a.id(),
                    a.ticker(), a.timeframe(), feed, sessions, equity);
        }
        return store.byPublished(p.publishedId());
    }

    /** The publication was retired: its account stops taking bars and alerts. */
    public void retired(String publishedId) {
        store.stop(publishedId);
        store.byPublished(publishedId).ifPresent(a -> books.remove(a.id()));
    }

    /**
     * A closed bar of a feed ({@code live} or a replay id): stored once, then taken by every account following it.
     *
     * @return the accounts that took it
     */
    public int bar(String feed, String ticker, String timeframe, Bar bar) {
        store.storeBar(feed, ticker, timeframe, bar);
        int taken = 0;
        for (Account a : store.active()) {
            if (!a.status().equals(Account.PAPER_TRADING) || a.firstBar() == null || !a.feed().equals(feed)
                    || !a.ticker().equalsIgnoreCase(ticker) || !a.timeframe().equals(timeframe)) {
                continue;
            }
            synchronized (lock(a.id())) {
                PaperBook book = book(a);
                int fills = book.fills().size();
                PaperBook.Step step = book.onBar(bar);
                if (step == PaperBook.Step.IGNORED) {
                    if (book.complete()) {
                        // built from the store with this bar, which ended the period
                        store.ended(a.id(), book.lastTime(), clock.instant().plus(properties.settleAfter()));
                    }
                    continue;
                }
                taken++;
                if (step == PaperBook.Step.OVERRUN) {
                    long end = book.lastTime();
                    books.remove(a.id());
                    store.ended(a.id(), end, clock.instant().plus(properties.settleAfter()));
                    log.info("{}: period ended at {} (a bar of the next session came before the calendar's last)", a.id(),
                            Instant.ofEpochMilli(end));
                    continue;
                }
                if (step == PaperBook.Step.ENDED) {
                    store.ended(a.id(), bar.time(), clock.instant().plus(properties.settleAfter()));
                    log.info("{}: period ended at {}; settling", a.id(), Instant.ofEpochMilli(bar.time()));
                }
                notify(a, book, fills);
            }
        }
        return taken;
    }

    /**
     * An alert from {@code alerts.paper}: stored once by its id (a redelivery changes nothing), then applied to its
     * account's book — added when its bar is still ahead, else the book is built again with it.
     *
     * @return false for a redelivered alert
     */
    public boolean alert(PaperAlert alert, String document) {
        Optional<Account> found = store.byPublished(alert.publishedId());
        boolean applies = found.map(a -> !a.status().equals(Account.COMPLETE) && !a.status().equals(Account.STOPPED))
                .orElse(true);
        if (!store.insertAlert(alert, document, applies, clock.instant())) {
            return false;
        }
        if (found.isEmpty() || !applies) {
            return true;
        }
        Account a = found.get();
        synchronized (lock(a.id())) {
            PaperBook book = books.get(a.id());
            if (book != null && book.accepts(alert)) {
                book.add(alert);
            } else {
                books.remove(a.id());
                if (a.firstBar() != null) {
                    PaperBook rebuilt = book(store.account(a.id()).orElse(a));
                    notify(a, rebuilt, book == null ? rebuilt.fills().size() : Math.min(book.fills().size(), rebuilt.fills().size()));
                }
            }
            if (a.status().equals(Account.SETTLING)) {
                store.extendSettling(a.id(), clock.instant().plus(properties.settleAfter()));
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ completion

    /** Completes every settling period whose settle time has passed; one that fails is tried again next time. */
    public int settle() {
        int done = 0;
        for (Account a : store.dueToSettle(clock.instant())) {
            try {
                complete(a);
                done++;
            } catch (RuntimeException e) {
                log.warn("{}: the period could not be completed yet ({}); trying again", a.id(), e.getMessage());
            }
        }
        return done;
    }

    private void complete(Account a) {
        PerformanceReport report;
        synchronized (lock(a.id())) {
            books.remove(a.id());
            PaperBook book = book(a);
            PerformanceReport.Results results = PerformanceReport.results(book, a.startingEquity());
            RuntimeSources.TrainedArtifacts trained = sources.trainedModel(a.ownerId(), a.trainedModelId());
            PerformanceReport.BacktestFigures figures = new PerformanceReport.BacktestFigures(
                    historicalWinRate(trained.artifacts().get(TrainedModel.METADATA)), trained.sharpeBacktest());
            Reconciliation reconciliation = reconcile(a, trained.artifacts(), book);
            RecommendationRules.Verdict verdict = a.rules().judge(results.totalTrades(), results.winRate(),
                    results.sharpeRatio(), results.maxDrawdown(), figures.winRate(), figures.sharpe(),
                    reconciliation.mismatches());
            Instant now = clock.instant();
            report = new PerformanceReport(a.publishedId(), a.id(), Account.COMPLETE, period(book), book.sessionsSeen(),
                    a.sessions(), results, PerformanceReport.comparison(results, figures), verdict.recommendation(),
                    verdict.checks(), reconciliation, now);
            String document = json.writeValueAsString(report);
            PerformanceReport done = report;
            tx.executeWithoutResult(s -> {
                store.complete(a.id(), document, done.recommendation(), now);
                events.completed(a, done);
            });
        }
        log.info("{}: paper period complete, {} ({} trades, reconciliation: {} mismatches)", a.id(), report.recommendation(),
                report.paperTradingResults().totalTrades(), report.reconciliation().mismatches());
        if (updates.listening(a.ownerId())) {
            updates.send(a, "completed", report);
        }
    }

    /** The backtest of the published model over exactly the period's bars, against the paper trades. */
    Reconciliation reconcile(Account a, Map<String, byte[]> artifacts, PaperBook book) {
        Timeframe tf = Timeframe.parse(a.timeframe());
        List<Bar> period = store.bars(a.feed(), a.ticker(), a.timeframe(), a.firstBar(), book.lastTime());
        StrategyConfig config = config(a.packId(), a.packVersion(), a.strategyId(), a.effectiveConfig());
        LocalDate firstDay = LocalDate.ofInstant(Instant.ofEpochMilli(a.firstBar()), ZONE);
        LocalDate from = sources.firstSession(a.ticker(), tf);
        BarSeries history = from == null || from.isAfter(firstDay)
                ? new BarSeries(a.ticker(), ZONE, tf, new long[0], new double[0], new double[0], new double[0], new double[0], new double[0])
                : sources.bars(a.ticker(), tf, from, firstDay);
        try (TrainedModel model = TrainedModel.load(artifacts)) {
            BacktestResult result = ModelBacktest.run(config, model, a.maxAlertsPerDay(), a.execution().params(a.startingEquity()),
                    ZONE, tf, history, period);
            return Reconciliation.of(book.trades(), result.trades());
        }
    }

    // ------------------------------------------------------------------ reads

    /** The account's book as it stands (built from the store when not in memory); hold no reference across calls. */
    public <T> T read(Account a, java.util.function.Function<PaperBook, T> reader) {
        synchronized (lock(a.id())) {
            return reader.apply(book(a));
        }
    }

    /** The performance: the stored one of a completed period, else the results so far (no recommendation yet). */
    public PerformanceReport performance(Account a) {
        if (a.status().equals(Account.COMPLETE)) {
            Optional<String> stored = store.performance(a.id());
            if (stored.isPresent()) {
                return json.readValue(stored.get(), PerformanceReport.class);
            }
        }
        return read(a, book -> {
            PerformanceReport.Results r = PerformanceReport.results(book, a.startingEquity());
            return new PerformanceReport(a.publishedId(), a.id(), a.status(), period(book), book.sessionsSeen(), a.sessions(),
                    r, PerformanceReport.comparison(r, null), null, null, null, null);
        });
    }

    // ------------------------------------------------------------------ internals

    private PaperBook book(Account a) {
        return books.computeIfAbsent(a.id(), id -> {
            Account fresh = store.account(id).orElse(a);
            PaperBook.Spec spec = spec(fresh);
            if (fresh.firstBar() == null) {
                return new PaperBook(spec);
            }
            long to = fresh.endBar() != null ? fresh.endBar() : Long.MAX_VALUE;
            List<Bar> bars = store.bars(fresh.feed(), fresh.ticker(), fresh.timeframe(), fresh.firstBar(), to);
            return PaperBook.replay(spec, bars, store.alerts(fresh.publishedId()));
        });
    }

    static PaperBook.Spec spec(Account a) {
        return new PaperBook.Spec(a.ticker(), Timeframe.parse(a.timeframe()), ZONE, a.execution().params(a.startingEquity()),
                a.sessions(), a.endBar());
    }

    private Object lock(String accountId) {
        return locks.computeIfAbsent(accountId, k -> new Object());
    }

    private StrategyConfig config(String packId, String version, String strategyId, Map<String, Object> effective) {
        Pack pack = packs.computeIfAbsent(packId + "@" + version, k -> PackLoader.load(sources.packFiles(packId, version)));
        Map<String, Object> overrides = new LinkedHashMap<>(effective);
        overrides.remove("strategy_id");
        return StrategyConfig.resolve(pack, strategyId, overrides);
    }

    private void notify(Account a, PaperBook book, int fillsBefore) {
        if (!updates.listening(a.ownerId())) {
            return;
        }
        List<PaperBook.Fill> fills = book.fills();
        for (int i = fillsBefore; i < fills.size(); i++) {
            updates.send(a, "fill", fills.get(i));
        }
        Map<String, Object> mark = new LinkedHashMap<>();
        mark.put("bar_time", Instant.ofEpochMilli(book.lastTime()));
        mark.put("last_close", book.lastClose());
        mark.put("cash", book.cash());
        mark.put("equity", book.equity());
        mark.put("sessions", book.sessionsSeen());
        updates.send(a, "mark", mark);
    }

    private Double historicalWinRate(byte[] metadata) {
        if (metadata == null) {
            return null;
        }
        JsonNode t = json.readTree(metadata).path("trade_stats");
        return t.isMissingNode() || t.isNull() || !t.has("win_rate") ? null : t.get("win_rate").asDouble();
    }

    static String period(PaperBook book) {
        List<PaperBook.SessionEquity> curve = book.equityCurve();
        return curve.isEmpty() ? null : curve.get(0).date() + " to " + curve.get(curve.size() - 1).date();
    }
}
