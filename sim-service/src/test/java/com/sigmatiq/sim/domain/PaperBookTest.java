package com.sigmatiq.sim.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.engine.backtest.BacktestResult;
import com.sigmatiq.engine.backtest.Trade;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.engine.data.SessionClock;
import com.sigmatiq.ml.TrainedModel;
import com.sigmatiq.sim.support.PaperAlerts;
import com.sigmatiq.sim.support.Spy5m;
import com.sigmatiq.sim.support.Trained;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The paper book against the engine's batch backtest: the alerts the runtime sends for March 2011, filled on March's
 * bars, give the backtest's trades and daily equity to the cent (bit for bit, in fact), whatever the order the alerts
 * and bars arrive in.
 */
class PaperBookTest {

    static final String PUB = "pub_0f8fad5bd9cb469fa16570867728950e";
    static final double EQUITY = 50_000;
    static final BarSeries BARS = Spy5m.BARS;

    static List<Bar> bars(int from, int to) {
        List<Bar> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(new Bar(BARS.time()[i], BARS.open()[i], BARS.high()[i], BARS.low()[i], BARS.close()[i], BARS.volume()[i]));
        }
        return out;
    }

    static List<PaperAlert> alerts(int from, int to) {
        try (TrainedModel model = Trained.model()) {
            JsonMapper json = JsonMapper.builder().build();
            return PaperAlerts.of(PUB, Trained.CONFIG, model, 1000, BARS, from, to, EQUITY).stream().map(s -> {
                var a = json.readTree(s.document());
                var order = a.path("order_details");
                return new PaperAlert(s.alertId(), PUB, s.barTime(), "BUY".equals(a.path("signal").path("action").asString()),
                        order.path("exit_reason").isString() ? order.path("exit_reason").asString() : null,
                        order.path("quantity").asLong());
            }).toList();
        }
    }

    static PaperBook.Spec spec(int sessions) {
        return new PaperBook.Spec("SPY", BARS.timeframe(), ExchangeCalendar.NEW_YORK, Trained.paperParams(EQUITY), sessions, null);
    }

    static int sessionsOf(int from, int to) {
        SessionClock clock = SessionClock.of(BARS);
        return clock.session(to - 1) - clock.session(from) + 1;
    }

    static void assertSameTrades(List<PaperBook.Trade> paper, List<Trade> backtest) {
        assertThat(paper).hasSameSizeAs(backtest);
        for (int i = 0; i < paper.size(); i++) {
            PaperBook.Trade p = paper.get(i);
            Trade b = backtest.get(i);
            assertThat(p.entryTime()).as("entry of trade %d", i).isEqualTo(b.entryTime());
            assertThat(p.exitTime()).as("exit of trade %d", i).isEqualTo(b.exitTime());
            assertThat(p.entryPrice()).as("entry price of trade %d", i).isEqualTo(b.entryPrice());
            assertThat(p.exitPrice()).as("exit price of trade %d", i).isEqualTo(b.exitPrice());
            assertThat(p.shares()).as("shares of trade %d", i).isEqualTo(b.shares());
            assertThat(p.commission()).isEqualTo(b.commission());
            assertThat(p.pnl()).as("pnl of trade %d", i).isEqualTo(b.pnl());
            assertThat(p.exitReason()).as("reason of trade %d", i).isEqualTo(b.exitReason());
            assertThat(p.durationDays()).isEqualTo(b.durationDays());
        }
    }

    @Test
    void marchPaperTradesAreTheBacktestsToTheCent() {
        int from = Trained.MARCH;
        int to = BARS.size();
        PaperBook book = PaperBook.replay(spec(sessionsOf(from, to)), bars(from, to), alerts(from, to));
        BacktestResult backtest = Trained.backtest(BARS, from, to, EQUITY);

        assertThat(book.complete()).isTrue();
        assertThat(backtest.trades()).as("enough trades to mean something").hasSizeGreaterThan(10);
        assertThat(backtest.trades().stream().map(Trade::exitReason).distinct().toList()).as("rule exits and a bracket's")
                .contains(com.sigmatiq.engine.backtest.ExitReason.EXIT_SIGNAL).hasSizeGreaterThanOrEqualTo(2);
        assertSameTrades(book.trades(), backtest.trades());
        assertThat(book.equityCurve().stream().mapToDouble(PaperBook.SessionEquity::equity).toArray())
                .containsExactly(backtest.dailyEquity());
        assertThat(book.exposureSessions()).isEqualTo(backtest.exposureSessions());
        assertThat(book.fills()).hasSize(2 * backtest.trades().size());
        assertThat(book.fills()).allSatisfy(f -> assertThat(f.slippage()).isNegative());

        // the reconciliation backtest (streaming, as the service runs it) is the same
        try (TrainedModel model = Trained.model()) {
            BacktestResult streamed = ModelBacktest.run(Trained.CONFIG, model, 1000, Trained.paperParams(EQUITY),
                    ExchangeCalendar.NEW_YORK, BARS.timeframe(), BARS, bars(from, to));
            assertSameTrades(book.trades(), streamed.trades());
            Reconciliation r = Reconciliation.of(book.trades(), streamed.trades());
            assertThat(r.mismatches()).isZero();
            assertThat(r.matched()).isEqualTo(backtest.trades().size());
            assertThat(r.maxPriceDifference()).isZero();
        }
    }

    @Test
    void alertsComingAfterTheirBarsGiveTheSameBookOnceBuiltAgain() {
        int from = Trained.MARCH;
        int to = from + 600;
        List<PaperAlert> alerts = alerts(from, to);
        PaperBook inOrder = PaperBook.replay(spec(40), bars(from, to), alerts);

        PaperBook late = PaperBook.replay(spec(40), bars(from, to), List.of());
        assertThat(late.trades()).isEmpty();
        assertThat(late.accepts(alerts.get(0))).as("its bar was taken").isFalse();
        List<PaperAlert> shuffled = new ArrayList<>(alerts);
        Collections.reverse(shuffled);
        PaperBook rebuilt = PaperBook.replay(spec(40), bars(from, to), shuffled);
        assertSameTradesOf(rebuilt, inOrder);

        // live: a bar, then its alert, bar after bar; the book takes an alert of a bar ahead of it
        PaperBook live = new PaperBook(spec(40));
        List<Bar> bars = bars(from, to);
        int next = 0;
        for (Bar b : bars) {
            while (next < alerts.size() && alerts.get(next).barTime() == b.time()) {
                assertThat(live.accepts(alerts.get(next))).isTrue();
                live.add(alerts.get(next++));
            }
            live.onBar(b);
        }
        assertSameTradesOf(live, inOrder);
    }

    @Test
    void aSellForAPositionAlreadyClosedAndARedeliveredAlertChangeNothing() {
        int from = Trained.MARCH;
        int to = from + 600;
        List<PaperAlert> alerts = alerts(from, to);
        PaperBook book = PaperBook.replay(spec(40), bars(from, to), alerts);
        PaperBook.Trade first = book.trades().get(0);
        List<PaperAlert> more = new ArrayList<>(alerts);
        more.addAll(alerts.subList(0, 5));
        // a rule-exit SELL at the close of the bar the first trade exited on: the position is already flat
        more.add(new PaperAlert("alert_extra_sell", PUB, first.exitTime(), false, "exit_signal", 0));
        PaperBook again = PaperBook.replay(spec(40), bars(from, to), more);
        assertSameTradesOf(again, book);
        assertThat(again.outcomes().get("alert_extra_sell")).startsWith("ignored");
    }

    @Test
    void thePeriodEndsAtTheCloseOfItsLastSessionLikeABacktestsLastBar() {
        int from = Trained.MARCH;
        SessionClock clock = SessionClock.of(BARS);
        int firstSession = clock.session(from);
        int to = clock.sessionLastBar(firstSession + 4) + 1;
        PaperBook book = PaperBook.replay(spec(5), bars(from, BARS.size()), alerts(from, BARS.size()));

        assertThat(book.complete()).isTrue();
        assertThat(book.lastTime()).isEqualTo(BARS.time()[to - 1]);
        assertThat(book.sessionsSeen()).isEqualTo(5);
        assertThat(book.openPosition()).isNull();
        BacktestResult backtest = Trained.backtest(BARS, from, to, EQUITY);
        assertSameTrades(book.trades(), backtest.trades());
        assertThat(book.equityCurve().stream().mapToDouble(PaperBook.SessionEquity::equity).toArray())
                .containsExactly(backtest.dailyEquity());
        assertThat(book.onBar(bars(to, to + 1).get(0))).isEqualTo(PaperBook.Step.IGNORED);
    }

    @Test
    void aBarOfTheNextSessionEndsAPeriodWhoseClosingBarIsMissing() {
        int from = Trained.MARCH;
        SessionClock clock = SessionClock.of(BARS);
        int lastOfSecond = clock.sessionLastBar(clock.session(from) + 1);
        List<Bar> bars = new ArrayList<>(bars(from, lastOfSecond + 10));
        bars.remove(lastOfSecond - from); // the calendar's closing bar of the second session never comes
        PaperBook book = PaperBook.replay(spec(2), bars, List.of());
        assertThat(book.complete()).isFalse();
        assertThat(book.onBar(bars.get(lastOfSecond - from))).isEqualTo(PaperBook.Step.OVERRUN);

        PaperBook.Spec ended = new PaperBook.Spec("SPY", BARS.timeframe(), ExchangeCalendar.NEW_YORK, Trained.paperParams(EQUITY), 2,
                book.lastTime());
        PaperBook rebuilt = PaperBook.replay(ended, bars, List.of());
        assertThat(rebuilt.complete()).isTrue();
        assertThat(rebuilt.lastTime()).isEqualTo(BARS.time()[lastOfSecond - 1]);
    }

    private static void assertSameTradesOf(PaperBook a, PaperBook b) {
        assertThat(a.trades()).isEqualTo(b.trades());
        assertThat(a.fills()).isEqualTo(b.fills());
        assertThat(a.equityCurve()).isEqualTo(b.equityCurve());
        assertThat(a.cash()).isEqualTo(b.cash());
    }
}
