/** Reading bar files row by row with a per-row report, the import transaction, and the start-up bootstrap of bundled data. */
package com.sigmatiq.marketdata.importing;
