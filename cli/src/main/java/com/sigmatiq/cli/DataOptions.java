package com.sigmatiq.cli;

import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarResampler;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.Timeframe;
import java.nio.file.Path;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** Options shared by every command that reads a bar file. */
final class DataOptions {

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "OHLCV bars (CSV with a header)")
    Path data;

    @Option(names = "--ticker", description = "instrument symbol (default: the file name up to its first '_')")
    String ticker;

    @Option(names = "--tz", paramLabel = "ZONE", description = "time zone of stamps without an offset (default: the exchange's, America/New_York)")
    String tz;

    @Option(names = "--exchange-tz", paramLabel = "ZONE", defaultValue = "America/New_York", description = "the exchange's time zone (default: ${DEFAULT-VALUE})")
    String exchangeTz;

    @Option(names = "--bar-end", description = "the stamps mark each bar's end, not its start")
    boolean barEnd;

    @Option(names = "--bar-size", paramLabel = "SIZE", description = "bar size of the file (1m, 5m, 10m, 15m, 30m, 1h, 1d; default: detected)")
    String barSize;

    @Option(names = "--timeframe", paramLabel = "TF", description = "the bar size to run on (1m, 5m, 15m, 1h, 1d); a finer file is resampled by exchange session (default: the file's)")
    String timeframe;

    @Option(names = "--regular-hours", description = "keep only regular-session bars (default: keep extended hours, where exits and stops act, as the sweep service does; entries are decided in regular hours either way)")
    boolean regularHours;

    /** The file's bars, resampled to {@code --timeframe} (and to the regular session with {@code --regular-hours}). */
    BarSeries read() {
        BarCsvReader.Options o = new BarCsvReader.Options(ticker, zone(exchangeTz), tz == null ? null : zone(tz), barEnd,
                barSize == null ? null : Timeframe.parse(barSize));
        BarSeries bars = BarCsvReader.read(data, o);
        Timeframe target = timeframe == null ? bars.timeframe() : Timeframe.parse(timeframe);
        if (!BarResampler.canResample(bars.timeframe(), target)) {
            throw new IllegalArgumentException("--timeframe " + target + " cannot be built from the file's "
                    + bars.timeframe() + " bars (only a coarser bar size that the file's divides)");
        }
        if (target == bars.timeframe() && !regularHours) {
            return bars;
        }
        return BarResampler.resample(bars, target, !regularHours).bars();
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + id + "' (use a region such as America/New_York or UTC)");
        }
    }
}
