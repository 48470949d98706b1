package com.sigmatiq.marketdata.importing;

import java.util.List;

/**
 * How each bundled file is read ({@code bootstrap-manifest.yaml}). Missing members are detected.
 *
 * @param files the files, imported in this order
 */
public record BootstrapManifest(List<Entry> files) {

    /**
     * @param file           file name inside the bootstrap folder
     * @param ticker         instrument symbol
     * @param exchange       exchange zone (default America/New_York)
     * @param timeframe      bar size ({@code 1m}, {@code 10m}, {@code 1d}, …)
     * @param sourceZone     zone of stamps without an offset
     * @param barConvention  {@code start} or {@code end}
     * @param splitAdjusted  the prices already include the file's split column
     */
    public record Entry(String file, String ticker, String exchange, String timeframe, String sourceZone,
                        String barConvention, Boolean splitAdjusted) {
    }
}
