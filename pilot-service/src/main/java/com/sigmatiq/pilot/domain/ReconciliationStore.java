package com.sigmatiq.pilot.domain;

import java.util.Optional;

/** The last reconciliation report per account. */
public interface ReconciliationStore {

    void save(ReconciliationReport report);

    Optional<ReconciliationReport> last(String accountId);
}
