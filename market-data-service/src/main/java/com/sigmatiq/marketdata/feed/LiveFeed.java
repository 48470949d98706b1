package com.sigmatiq.marketdata.feed;

import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.marketdata.domain.BarColumns;
import com.sigmatiq.marketdata.domain.Resampler;
import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.marketdata.messaging.BarEventPublisher;
import com.sigmatiq.marketdata.domain.BarStore;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link LiveBarProvider}: each closed bar it delivers is stored (upsert), published to
 * {@code market.bars.<provider timeframe>}, and folded into the larger {@code timeframes} by session (regular session
 * only, like {@link Resampler}); a larger bar is published when the first bar of the next bucket arrives. Bars at or
 * before the last one of their ticker are dropped, so subscribers never see one twice or out of order. Created by
 * whoever wires a provider (no vendor is bundled).
 */
public final class LiveFeed implements AutoCloseable {

    private final LiveBarProvider provider;
    private final List<Timeframe> timeframes;
    private final BarStore store;
    private final TransactionTemplate tx;
    private final BarEventPublisher publisher;
    private final Clock clock;
    private final ZoneId exchange;
    private final Map<String, Long> lastStart = new HashMap<>();
    private final Map<String, Pending> pending = new HashMap<>();
    private long sequence;

    private record Pending(BarColumns bars, long end) {
    }

    public LiveFeed(LiveBarProvider provider, List<Timeframe> timeframes, BarStore store, TransactionTemplate tx,
                    BarEventPublisher publisher, Clock clock, ZoneId exchange) {
        this.provider = provider;
        this.timeframes = timeframes;
        this.store = store;
        this.tx = tx;
        this.publisher = publisher;
        this.clock = clock;
        this.exchange = exchange;
    }

    public void start(Set<String> tickers) {
        provider.subscribe(tickers, this::onBar);
    }

    synchronized void onBar(String ticker, long start, double o, double h, double l, double c, double v) {
        Long last = lastStart.get(ticker);
        if (last != null && start <= last) {
            return;
        }
        lastStart.put(ticker, start);
        Timeframe base = provider.timeframe();
        BarColumns bar = BarColumns.allocate(1);
        bar.time()[0] = start;
        bar.open()[0] = o;
        bar.high()[0] = h;
        bar.low()[0] = l;
        bar.close()[0] = c;
        bar.volume()[0] = v;
        tx.executeWithoutResult(s -> {
            store.upsertSeries(ticker, base, exchange, false);
            store.upsertBars(ticker, base, bar);
        });
        publish(ticker, base, start, start + base.millis(), o, h, l, c, v);
        for (Timeframe tf : timeframes) {
            if (tf == base || !Resampler.canResample(base, tf)) {
                continue;
            }
            var r = Resampler.resample(bar, base, tf, exchange, false, ExchangeCalendar.NYSE);
            if (r.bars().size() == 0) {
                continue;
            }
            String key = ticker + '|' + tf.label();
            Pending p = pending.get(key);
            if (p != null && p.bars().time()[0] != r.bars().time()[0]) {
                BarColumns b = p.bars();
                publish(ticker, tf, b.time()[0], p.end(), b.open()[0], b.high()[0], b.low()[0], b.close()[0], b.volume()[0]);
                p = null;
            }
            if (p == null) {
                pending.put(key, new Pending(r.bars(), r.end()[0]));
            } else {
                BarColumns b = p.bars();
                b.high()[0] = Math.max(b.high()[0], h);
                b.low()[0] = Math.min(b.low()[0], l);
                b.close()[0] = c;
                if (!Double.isNaN(v)) {
                    b.volume()[0] = Double.isNaN(b.volume()[0]) ? v : b.volume()[0] + v;
                }
            }
        }
    }

    private void publish(String ticker, Timeframe tf, long start, long end, double o, double h, double l, double c, double v) {
        publisher.publish(new BarClosed(ticker, exchange.getId(), tf.label(), Instant.ofEpochMilli(start),
                Instant.ofEpochMilli(end), o, h, l, c, Double.isNaN(v) ? null : v, "live", null, sequence++), clock.instant());
    }

    @Override
    public void close() {
        provider.close();
    }
}
