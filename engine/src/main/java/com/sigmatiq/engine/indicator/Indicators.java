package com.sigmatiq.engine.indicator;

import java.util.List;

/**
 * Entry point for computing any {@link IndicatorKind}: in batch over columns, or bar by bar through a
 * {@link StreamingIndicator}. Both follow TA-Lib 0.6.0 (default compatibility, unstable period 0) and
 * give bit-identical values; output {@code k} is NaN before {@link IndicatorKind#warmup(double[], int)}.
 */
public final class Indicators {

    private Indicators() {
    }

    /**
     * Fills {@code out[k][0..n)} for each output {@code k} of the kind, in {@link IndicatorKind} order.
     *
     * @param params parameter values in {@link IndicatorKind#params()} order
     * @param out    one preallocated array per output, each of length at least {@code n}
     * @throws IllegalArgumentException if a parameter is out of range, or an input or output array is
     *                                  missing or shorter than {@code n}
     */
    public static void compute(IndicatorKind kind, double[] params, double[] open, double[] high, double[] low,
                               double[] close, double[] volume, int n, double[][] out) {
        validate(kind, params);
        if (n < 0) {
            throw new IllegalArgumentException("bar count must not be negative, got " + n);
        }
        if (out == null || out.length < kind.outputCount()) {
            throw new IllegalArgumentException(kind.id() + " has " + kind.outputCount() + " outputs; got "
                    + (out == null ? "no" : String.valueOf(out.length)) + " output arrays");
        }
        for (int k = 0; k < kind.outputCount(); k++) {
            requireLength("output " + k, out[k], n);
        }
        switch (kind) {
            case RSI -> RsiIndicator.compute(requireLength("close", close, n), n, (int) params[0], out[0]);
            case MACD -> MacdIndicator.compute(requireLength("close", close, n), n,
                    (int) params[0], (int) params[1], (int) params[2], out[0], out[1], out[2]);
            case STOCHASTIC -> StochasticIndicator.compute(requireLength("high", high, n),
                    requireLength("low", low, n), requireLength("close", close, n), n,
                    (int) params[0], (int) params[2], (int) params[1], out[0], out[1]);
            case EMA -> EmaIndicator.compute(requireLength("close", close, n), n, (int) params[0], out[0]);
            case ADX -> AdxIndicator.compute(requireLength("high", high, n), requireLength("low", low, n),
                    requireLength("close", close, n), n, (int) params[0], out[0], out[1], out[2]);
            case BOLLINGER_BANDS -> BollingerBandsIndicator.compute(requireLength("close", close, n), n,
                    (int) params[0], params[1], out[0], out[1], out[2]);
            case ATR -> AtrIndicator.compute(requireLength("high", high, n), requireLength("low", low, n),
                    requireLength("close", close, n), n, (int) params[0], out[0]);
            case OBV -> ObvIndicator.compute(requireLength("close", close, n), requireLength("volume", volume, n),
                    n, out[0]);
            case VOLUME_MA -> SmaIndicator.compute(requireLength("volume", volume, n), n, (int) params[0], out[0]);
        }
    }

    /**
     * A new streaming indicator of the kind.
     *
     * @param params parameter values in {@link IndicatorKind#params()} order
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public static StreamingIndicator streaming(IndicatorKind kind, double[] params) {
        validate(kind, params);
        return switch (kind) {
            case RSI -> new RsiIndicator((int) params[0]);
            case MACD -> new MacdIndicator((int) params[0], (int) params[1], (int) params[2]);
            case STOCHASTIC -> new StochasticIndicator((int) params[0], (int) params[2], (int) params[1]);
            case EMA -> new EmaIndicator((int) params[0]);
            case ADX -> new AdxIndicator((int) params[0]);
            case BOLLINGER_BANDS -> new BollingerBandsIndicator((int) params[0], params[1]);
            case ATR -> new AtrIndicator((int) params[0]);
            case OBV -> new ObvIndicator();
            case VOLUME_MA -> new SmaIndicator((int) params[0], true);
        };
    }

    private static void validate(IndicatorKind kind, double[] params) {
        List<ParamSpec> specs = kind.params();
        if (params == null || params.length != specs.size()) {
            throw new IllegalArgumentException(kind.id() + " takes " + specs.size() + " parameters "
                    + specs.stream().map(ParamSpec::name).toList() + "; got "
                    + (params == null ? "none" : String.valueOf(params.length)));
        }
        for (int i = 0; i < params.length; i++) {
            ParamSpec spec = specs.get(i);
            if (!spec.accepts(params[i])) {
                throw new IllegalArgumentException(kind.id() + " parameter " + spec.name() + " must be "
                        + spec.describeRange() + ", got " + params[i]);
            }
        }
    }

    private static double[] requireLength(String name, double[] column, int n) {
        if (column == null || column.length < n) {
            throw new IllegalArgumentException(name + " column must have at least " + n + " values, got "
                    + (column == null ? "none" : String.valueOf(column.length)));
        }
        return column;
    }
}
