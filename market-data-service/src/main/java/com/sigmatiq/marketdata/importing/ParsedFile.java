package com.sigmatiq.marketdata.importing;

import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.marketdata.domain.BarColumns;
import com.sigmatiq.marketdata.domain.BarConvention;
import com.sigmatiq.marketdata.domain.RowProblem;

import java.time.ZoneId;
import java.util.List;

/**
 * A bar file read row by row: the good rows as bars (start times UTC), the bad rows as problems.
 *
 * @param sourceZone the zone stamps were read in ({@code UTC} when they carry offsets)
 * @param convention null for daily files
 * @param detected   what was detected rather than given, in words
 */
public record ParsedFile(String ticker, Timeframe timeframe, ZoneId sourceZone, BarConvention convention,
                         List<String> detected, BarColumns bars, int rowsRead, List<RowProblem> problems) {
}
