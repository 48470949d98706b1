package com.sigmatiq.marketdata.importing;

import com.sigmatiq.marketdata.domain.ImportReport;

/** An import that stored nothing: bad rows under mode {@code refuse}, or no good row at all. The report says why. */
public class ImportRefusedException extends RuntimeException {

    private final ImportReport report;

    public ImportRefusedException(ImportReport report, String message) {
        super(message);
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
