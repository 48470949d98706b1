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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
    private final Map<String, Integer> notified = new ConcurrentHashMap<>();
    private final Map<String, FeedBars> feeds = new ConcurrentHashMap<>();
    // settling periods waiting for alert-service: since when, and when that was last logged
    private final Map<String, Instant> waitingSince = new ConcurrentHashMap<>();
    private final Map<String, Instant> waitLogged = new ConcurrentHashMap<>();
    private volatile List<Account> active;
    // the last history read: periods of many models on one feed end together and warm up on the same bars
    private volatile History lastHistory;

    private record History(String key, BarSeries bars) {
    }

    /** A feed's bars in memory, from the first one an active account needs, appended as they come. */
    private static final class FeedBars {
        final ArrayList<Bar> bars = new ArrayList<>();
        long from = Long.MAX_VALUE;
    }

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
                p.maxAlertsPerDay(), equity, sessions, Execution.of(config),
                properties.recommendation().toRules().with(p.recommendationRules()),
                Account.PAPER_TRADING, null, null, null, clock.instant(), null);
        if (store.insert(a)) {
            invalidate();
            log.info("{}: paper account {} opened ({} {}, feed {}, {} sessions, equity {})", p.publishedId(), a.id(),
                    a.ticker(), a.timeframe(), feed, sessions, equity);
        }
        return store.byPublished(p.publishedId());
    }

    /** The publication was retired: its account stops taking bars and alerts. */
    public void retired(String publishedId) {
        store.stop(publishedId);
        invalidate();
        store.byPublished(publishedId).ifPresent(a -> books.remove(a.id()));
    }

    /**
     * A closed bar of a feed ({@code live} or a replay id): stored once when an account follows the feed, then taken by
     * every account following it.
     *
     * @return the accounts that took it
     */
    public int bar(String feed, String ticker, String timeframe, Bar bar) {
        boolean followed = active().stream().anyMatch(a -> a.status().equals(Account.PAPER_TRADING) && a.feed().equals(feed)
                && a.ticker().equalsIgnoreCase(ticker) && a.timeframe().equals(timeframe));
        if (!followed) {
            return 0; // no account follows this feed: the bar is not kept
        }
        if (store.storeBar(feed, ticker, timeframe, bar) > 0) {
            active = null;
        }
        int taken = 0;
        for (Account a : active()) {
            if (!a.status().equals(Account.PAPER_TRADING) || a.firstBar() == null || !a.feed().equals(feed)
                    || !a.ticker().equalsIgnoreCase(ticker) || !a.timeframe().equals(timeframe)) {
                continue;
            }
            remember(a, bar);
            synchronized (lock(a.id())) {
                PaperBook book = book(a);
                PaperBook.Step step = book.onBar(bar);
                if (step == PaperBook.Step.IGNORED) {
                    if (book.complete()) {
                        // built from the store with this bar, which ended the period
                        ended(a, book.lastTime());
                    }
                    continue;
                }
                taken++;
                if (step == PaperBook.Step.OVERRUN) {
                    long end = book.lastTime();
                    books.remove(a.id());
                    ended(a, end);
                    log.info("{}: period ended at {} (a bar of the next session came before the calendar's last)", a.id(),
                            Instant.ofEpochMilli(end));
                    continue;
                }
                if (step == PaperBook.Step.ENDED) {
                    ended(a, bar.time());
                    log.info("{}: period ended at {}; settling", a.id(), Instant.ofEpochMilli(bar.time()));
                }
                notify(a, book);
            }
        }
        return taken;
    }

    private void ended(Account a, long endBar) {
        store.ended(a.id(), endBar, clock.instant().plus(properties.settleAfter()));
        active = null;
    }

    /**
     * Forgets the active accounts read, now and, when a transaction is running (a publication through the inbox),
     * again after it commits: a bar read in between must not keep a list without the change.
     */
    private void invalidate() {
        active = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    active = null;
                }
            });
        }
    }

    /** The active accounts, read from the store when something changed them. */
    private List<Account> active() {
        List<Account> a = active;
        if (a == null) {
            a = store.active();
            active = a;
        }
        return a;
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
                books.remove(a.id()); // built again, with this alert, when next needed
            }
            if (a.status().equals(Account.SETTLING)) {
                store.extendSettling(a.id(), clock.instant().plus(properties.settleAfter()));
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ completion

    /**
     * Completes every settling period whose settle time has passed and whose alerts are all here: alert-service has
     * stored every alert of the period's bars (it may have been down, or behind, for longer than the settle time) and
     * each of them has reached this service. A period still waiting after {@code settle-max-wait} is completed with
     * what it has, and says so in the log. One that fails is tried again next time.
     */
    public int settle() {
        int done = 0;
        Instant now = clock.instant();
        for (Account a : store.dueToSettle(now)) {
            try {
                RuntimeSources.AlertProgress[] progress = new RuntimeSources.AlertProgress[1];
                String waiting = waitingFor(a, progress);
                if (waiting != null) {
                    Instant since = waitingSince.computeIfAbsent(a.id(), k -> now);
                    if (now.isBefore(since.plus(properties.settleMaxWait()))) {
                        Instant logged = waitLogged.get(a.id());
                        if (logged == null || !now.isBefore(logged.plusSeconds(30))) {
                            waitLogged.put(a.id(), now);
                            log.info("{}: the period's last bar is taken; waiting for {}", a.id(), waiting);
                        }
                        continue;
                    }
                    log.warn("{}: completing the period after {} without {}", a.id(), properties.settleMaxWait(), waiting);
                }
                complete(a, progress[0] == null ? null : progress[0].decidedFrom());
                waitingSince.remove(a.id());
                waitLogged.remove(a.id());
                done++;
            } catch (RuntimeException e) {
                log.warn("{}: the period could not be completed yet ({}); trying again", a.id(), e.getMessage());
            }
        }
        return done;
    }

    /**
     * What a settling period still waits for from alert-service, or null when every alert of its bars is here; puts
     * alert-service's answer in {@code answer[0]}.
     */
    private String waitingFor(Account a, RuntimeSources.AlertProgress[] answer) {
        Instant end = Instant.ofEpochMilli(a.endBar());
        RuntimeSources.AlertProgress progress;
        try {
            progress = sources.alertProgress(a.publishedId(), end);
        } catch (RuntimeException e) {
            return "alert-service (" + e.getMessage() + ")";
        }
        answer[0] = progress;
        if (progress.evaluatedThrough() == null || progress.evaluatedThrough().isBefore(end)) {
            return "alert-service to take the bars up to " + end + " (it has stored alerts up to "
                    + progress.evaluatedThrough() + ")";
        }
        java.util.Set<String> here = new java.util.HashSet<>();
        store.alerts(a.publishedId()).forEach(x -> here.add(x.alertId()));
        List<String> missing = progress.alertIds().stream().filter(id -> !here.contains(id)).toList();
        return missing.isEmpty() ? null : missing.size() + " alerts still on their way " + missing;
    }

    /** @param decidedFrom the first bar alert-service decided on for the model (null: unknown), see {@link #reconcile} */
    private void complete(Account a, Instant decidedFrom) {
        PerformanceReport report;
        synchronized (lock(a.id())) {
            books.remove(a.id());
            PaperBook book = book(a);
            PerformanceReport.Results results = PerformanceReport.results(book, a.startingEquity());
            RuntimeSources.TrainedArtifacts trained = sources.trainedModel(a.ownerId(), a.trainedModelId());
            PerformanceReport.BacktestFigures figures = new PerformanceReport.BacktestFigures(
                    historicalWinRate(trained.artifacts().get(TrainedModel.METADATA)), trained.sharpeBacktest());
            Reconciliation reconciliation = reconcile(a, trained.artifacts(), book, decidedFrom);
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
            active = null;
            forget(a);
        }
        log.info("{}: paper period complete, {} ({} trades, reconciliation: {} mismatches)", a.id(), report.recommendation(),
                report.paperTradingResults().totalTrades(), report.reconciliation().mismatches());
        if (updates.listening(a.ownerId())) {
            updates.send(a, "completed", report);
        }
    }

    /**
     * The backtest of the published model against the paper trades: its trades entered in the period, deciding from
     * where alert-service began deciding for the model. That is the period's first bar, or earlier when the model's
     * runtime took its replay from the first bar while this account began later (it learnt of the publication later):
     * then the backtest decides from that earlier bar too, as the alerts were made, so that a position the alerts held
     * when the period began is held by the backtest as well.
     */
    Reconciliation reconcile(Account a, Map<String, byte[]> artifacts, PaperBook book, Instant decidedFrom) {
        Timeframe tf = Timeframe.parse(a.timeframe());
        List<Bar> period = bars(a, book.lastTime());
        StrategyConfig config = config(a.packId(), a.packVersion(), a.strategyId(), a.effectiveConfig());
        long start = decidedFrom != null && decidedFrom.toEpochMilli() < a.firstBar() ? decidedFrom.toEpochMilli() : a.firstBar();
        LocalDate firstDay = LocalDate.ofInstant(Instant.ofEpochMilli(a.firstBar()), ZONE);
        LocalDate from = sources.firstSession(a.ticker(), tf);
        BarSeries history;
        if (from == null || from.isAfter(firstDay)) {
            history = new BarSeries(a.ticker(), ZONE, tf, new long[0], new double[0], new double[0], new double[0], new double[0],
                    new double[0]);
        } else {
            String key = a.ticker().toUpperCase(Locale.ROOT) + "|" + tf.label() + "|" + from + "|" + firstDay;
            History cached = lastHistory;
            if (cached != null && cached.key().equals(key)) {
                history = cached.bars();
            } else {
                history = sources.bars(a.ticker(), tf, from, firstDay);
                lastHistory = new History(key, history);
            }
        }
        if (start < a.firstBar()) {
            // the bars from where the alerts began deciding to the period's first, from the stored history
            List<Bar> decided = new ArrayList<>();
            for (int i = 0; i < history.size(); i++) {
                long t = history.time()[i];
                if (t >= start && t < a.firstBar()) {
                    decided.add(new Bar(t, history.open()[i], history.high()[i], history.low()[i], history.close()[i],
                            history.volume()[i]));
                }
            }
            decided.addAll(period);
            period = decided;
        }
        try (TrainedModel model = TrainedModel.load(artifacts)) {
            BacktestResult result = ModelBacktest.run(config, model, a.maxAlertsPerDay(), a.execution().params(a.startingEquity()),
                    ZONE, tf, history, period);
            long first = a.firstBar();
            return Reconciliation.of(book.trades(), result.trades().stream().filter(t -> t.entryTime() >= first).toList());
        }
    }

    // ------------------------------------------------------------------ reads

    /** The account's book as it stands (built from the store when not in memory); hold no reference across calls. */
    public <T> T read(Account a, Function<PaperBook, T> reader) {
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
            return PaperBook.replay(spec, bars(fresh, to), store.alerts(fresh.publishedId()));
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

    /** Sends the fills not sent yet (a book built again may have more, never other ones before them) and a mark. */
    private void notify(Account a, PaperBook book) {
        if (!updates.listening(a.ownerId())) {
            return;
        }
        List<PaperBook.Fill> fills = book.fills();
        int from = Math.min(notified.getOrDefault(a.id(), 0), fills.size());
        for (int i = from; i < fills.size(); i++) {
            updates.send(a, "fill", fills.get(i));
        }
        notified.put(a.id(), fills.size());
        Map<String, Object> mark = new LinkedHashMap<>();
        mark.put("bar_time", Instant.ofEpochMilli(book.lastTime()));
        mark.put("last_close", book.lastClose());
        mark.put("cash", book.cash());
        mark.put("equity", book.equity());
        mark.put("sessions", book.sessionsSeen());
        mark.put("period_sessions", a.sessions());
        updates.send(a, "mark", mark);
    }

    /** The bars of {@code a}'s feed from its first bar to {@code to} (inclusive), from memory (read once from the store). */
    private List<Bar> bars(Account a, long to) {
        FeedBars f = feeds.computeIfAbsent(feedKey(a), k -> new FeedBars());
        synchronized (f) {
            if (a.firstBar() < f.from) {
                List<Bar> stored = store.bars(a.feed(), a.ticker(), a.timeframe(), a.firstBar(), Long.MAX_VALUE);
                f.bars.clear();
                f.bars.addAll(stored);
                f.from = a.firstBar();
            }
            int lo = index(f.bars, a.firstBar());
            int hi = index(f.bars, to == Long.MAX_VALUE ? to : to + 1);
            return List.copyOf(f.bars.subList(lo, hi));
        }
    }

    /** Appends a new bar to the memory of its feed (bars come in order per feed; a repeat is skipped). */
    private void remember(Account a, Bar bar) {
        FeedBars f = feeds.get(feedKey(a));
        if (f == null) {
            return;
        }
        synchronized (f) {
            if (f.from != Long.MAX_VALUE && (f.bars.isEmpty() || f.bars.get(f.bars.size() - 1).time() < bar.time())) {
                f.bars.add(bar);
            }
        }
    }

    private void forget(Account a) {
        books.remove(a.id());
        notified.remove(a.id());
        if (active().stream().noneMatch(o -> feedKey(o).equals(feedKey(a)))) {
            feeds.remove(feedKey(a));
        }
    }

    private static String feedKey(Account a) {
        return a.feed() + "|" + a.ticker().toUpperCase(Locale.ROOT) + "|" + a.timeframe();
    }

    /** The first index whose bar starts at or after {@code time}. */
    private static int index(List<Bar> bars, long time) {
        int lo = 0;
        int hi = bars.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).time() < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
