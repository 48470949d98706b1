package com.sigmatiq.cli;

import com.sigmatiq.engine.data.BarCsvReader;
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

    BarSeries read() {
        BarCsvReader.Options o = new BarCsvReader.Options(ticker, zone(exchangeTz), tz == null ? null : zone(tz), barEnd,
                barSize == null ? null : Timeframe.parse(barSize));
        return BarCsvReader.read(data, o);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + id + "' (use a region such as America/New_York or UTC)");
        }
    }
}
