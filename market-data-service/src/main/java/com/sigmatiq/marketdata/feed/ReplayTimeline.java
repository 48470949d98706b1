package com.sigmatiq.marketdata.feed;

import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.marketdata.domain.BarColumns;
import com.sigmatiq.marketdata.domain.Resampler;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ordered events of a replay: every closed bar of every ticker and timeframe, in the order a live feed would close
 * them: by bar end, then the smaller timeframe first, then ticker. Deterministic, so a restarted replay rebuilds the
 * same timeline and its position means the same event.
 */
final class ReplayTimeline {

    /** One closed bar. {@code bars}/{@code index} point into the resampled columns. */
    record Event(String ticker, ZoneId exchange, Timeframe timeframe, long start, long end, BarColumns bars, int index) {
        String stream() {
            return ticker + '|' + timeframe.label();
        }
    }

    private ReplayTimeline() {
    }

    static List<Event> build(List<String> tickers, List<ZoneId> exchanges, List<BarColumns> sources, Timeframe sourceTf,
                             List<Timeframe> timeframes, boolean extended, ExchangeCalendar calendar) {
        List<Event> events = new ArrayList<>();
        for (int k = 0; k < tickers.size(); k++) {
            for (Timeframe tf : timeframes) {
                Resampler.Resampled r = sourceTf.isDaily()
                        ? new Resampler.Resampled(sources.get(k), Resampler.ends(sources.get(k), sourceTf, exchanges.get(k), calendar))
                        : Resampler.resample(sources.get(k), sourceTf, tf, exchanges.get(k), extended, calendar);
                for (int i = 0; i < r.bars().size(); i++) {
                    events.add(new Event(tickers.get(k), exchanges.get(k), tf, r.bars().time()[i], r.end()[i], r.bars(), i));
                }
            }
        }
        events.sort(Comparator.comparingLong(Event::end).thenComparingLong(e -> e.timeframe().millis())
                .thenComparing(Event::ticker));
        return events;
    }
}
