package com.sigmatiq.marketdata.domain;

import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.engine.data.Timeframe;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers range queries from the stored series: the series of the asked timeframe when stored, else the finest stored
 * series that builds it (1m before 10m …), resampled by session ({@link Resampler}); intraday answers hold the
 * regular session unless {@code extended}. Adjusted answers scale prices by the series' corporate actions
 * ({@link PriceAdjuster}) reading to the end of the series so that later actions apply.
 */
@Service
@Transactional(readOnly = true)
public class BarQueryService {

    /**
     * @param fromMs first bar start included (epoch ms UTC)
     * @param toMs   first bar start excluded
     * @param source stored timeframe to read (null: the asked one if stored, else the finest that builds it)
     */
    public record BarQuery(String ticker, Timeframe timeframe, long fromMs, long toMs, boolean adjusted, boolean extended,
                           Timeframe source) {
    }

    /** Bars and each one's end. {@code source} is the stored timeframe they come from. */
    public record BarResult(String ticker, Timeframe timeframe, ZoneId exchange, Timeframe source, boolean adjusted,
                            boolean extended, BarColumns bars, long[] end) {
    }

    private final BarStore store;
    private final ExchangeCalendar calendar = ExchangeCalendar.NYSE;

    public BarQueryService(BarStore store) {
        this.store = store;
    }

    /** The stored series a query reads: {@code source} when given, else as {@link #source(String, Timeframe)}. */
    public BarStore.Series source(String ticker, Timeframe timeframe, Timeframe source) {
        if (source == null) {
            return source(ticker, timeframe);
        }
        if (!Resampler.canResample(source, timeframe)) {
            throw new IllegalArgumentException("source: " + timeframe + " bars cannot be built from " + source + " bars");
        }
        return store.series(ticker, source)
                .orElseThrow(() -> new BarsNotFoundException("no " + source + " bars stored for " + ticker));
    }

    /** The stored series a query reads. */
    public BarStore.Series source(String ticker, Timeframe timeframe) {
        var direct = store.series(ticker, timeframe);
        if (direct.isPresent()) {
            return direct.get();
        }
        List<BarStore.Series> all = store.allSeries().stream().filter(s -> s.ticker().equals(ticker)).toList();
        if (all.isEmpty()) {
            throw new BarsNotFoundException("no bars stored for ticker " + ticker);
        }
        return all.stream().filter(s -> Resampler.canResample(s.timeframe(), timeframe) && s.bars() > 0)
                .min(Comparator.comparingLong(s -> s.timeframe().millis()))
                .orElseThrow(() -> new BarsNotFoundException("no " + timeframe + " bars for " + ticker
                        + " and none that build them; stored: " + all.stream().map(s -> s.timeframe().label()).toList()));
    }

    /** Whether the query can stream straight from the store (stored timeframe, raw, no session filter). */
    public boolean streamable(BarQuery q, BarStore.Series source) {
        return source.timeframe() == q.timeframe() && !q.adjusted() && (q.extended() || q.timeframe().isDaily());
    }

    public BarResult query(BarQuery q) {
        BarStore.Series s = source(q.ticker(), q.timeframe(), q.source());
        long readTo = q.adjusted() && s.lastStartMs() != null ? Math.max(q.toMs(), s.lastStartMs() + 1) : q.toMs();
        BarColumns raw = store.read(q.ticker(), s.timeframe(), q.fromMs(), readTo);
        if (q.adjusted()) {
            raw = PriceAdjuster.adjust(raw, s.pricesSplitAdjusted());
            int cut = 0;
            while (cut < raw.size() && raw.time()[cut] < q.toMs()) {
                cut++;
            }
            raw = raw.slice(0, cut);
        }
        Resampler.Resampled r;
        if (s.timeframe().isDaily()) {
            r = new Resampler.Resampled(raw, Resampler.ends(raw, s.timeframe(), s.exchange(), calendar));
        } else {
            r = Resampler.resample(raw, s.timeframe(), q.timeframe(), s.exchange(), q.extended(), calendar);
        }
        return new BarResult(q.ticker(), q.timeframe(), s.exchange(), s.timeframe(), q.adjusted(), q.extended(), r.bars(), r.end());
    }

    /** Missing sessions and (intraday) missing regular-session bars of the stored series, over session dates. */
    public GapReport gaps(String ticker, Timeframe timeframe, LocalDate from, LocalDate to) {
        BarStore.Series s = store.series(ticker, timeframe)
                .orElseThrow(() -> new BarsNotFoundException("no " + timeframe + " bars stored for " + ticker));
        ZoneId zone = s.exchange();
        long fromMs = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long toMs = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        BarColumns bars = store.read(ticker, timeframe, fromMs, toMs);
        Set<LocalDate> dates = new TreeSet<>();
        Set<Long> starts = new HashSet<>();
        for (int i = 0; i < bars.size(); i++) {
            dates.add(Instant.ofEpochMilli(bars.time()[i]).atZone(zone).toLocalDate());
            starts.add(bars.time()[i]);
        }
        List<LocalDate> sessions = calendar.sessions(from, to);
        List<LocalDate> missing = new ArrayList<>();
        List<GapReport.IncompleteSession> incomplete = new ArrayList<>();
        int present = 0;
        for (LocalDate d : sessions) {
            if (!dates.contains(d)) {
                missing.add(d);
                continue;
            }
            present++;
            if (!timeframe.isDaily()) {
                int expected = 0, have = 0;
                List<Instant> firstMissing = new ArrayList<>();
                long open = d.atStartOfDay().plusMinutes(ExchangeCalendar.OPEN_MINUTE).atZone(zone).toInstant().toEpochMilli();
                long close = d.atStartOfDay().plusMinutes(calendar.closeMinute(d)).atZone(zone).toInstant().toEpochMilli();
                for (long t = open; t < close; t += timeframe.millis()) {
                    expected++;
                    if (starts.contains(t)) {
                        have++;
                    } else if (firstMissing.size() < 20) {
                        firstMissing.add(Instant.ofEpochMilli(t));
                    }
                }
                if (have < expected) {
                    incomplete.add(new GapReport.IncompleteSession(d, expected, have, firstMissing));
                }
            }
        }
        List<LocalDate> nonSession = dates.stream().filter(d -> !calendar.isSession(d)).toList();
        return new GapReport(ticker, timeframe.label(), from, to, sessions.size(), present, missing, nonSession, incomplete);
    }
}
