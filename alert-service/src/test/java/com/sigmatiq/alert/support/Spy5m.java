package com.sigmatiq.alert.support;

import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarResampler;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** The repository's SPY 1-minute bars of January and March 2011, resampled to 5 minutes (extended hours kept). */
public final class Spy5m {

    public static final Path ROOT = root();
    public static final Pack PACK = PackLoader.load(ROOT.resolve("packs/swingsigma"));
    public static final BarSeries BARS = load();

    private Spy5m() {
    }

    /** The pack's files by name, as pack-service serves them. */
    public static Map<String, String> packFiles() {
        Map<String, String> files = new TreeMap<>();
        try (var list = Files.list(ROOT.resolve("packs/swingsigma"))) {
            for (var f : list.filter(x -> x.toString().endsWith(".yaml")).toList()) {
                files.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static BarSeries load() {
        BarCsvReader.Options o = BarCsvReader.Options.defaults().withTicker("SPY").withBarEnd(true);
        BarSeries jan = BarCsvReader.read(ROOT.resolve("data/market/SPY_1min_2011-01-03_2011-01-31_utc_barend.csv"), o);
        BarSeries mar = BarCsvReader.read(ROOT.resolve("data/market/SPY_1min_2011-03-01_2011-03-31_utc_barend.csv"), o);
        BarSeries both = new BarSeries("SPY", jan.zone(), jan.timeframe(), concat(jan.time(), mar.time()),
                concat(jan.open(), mar.open()), concat(jan.high(), mar.high()), concat(jan.low(), mar.low()),
                concat(jan.close(), mar.close()), concat(jan.volume(), mar.volume()));
        return BarResampler.resample(both, Timeframe.parse("5m"), true).bars();
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isRegularFile(p.resolve("data/SOURCES.md")) && Files.isDirectory(p.resolve("packs")))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }
}
