package com.sigmatiq.marketdata.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Import runs and their reports (implemented in {@code persistence}). */
public interface ImportRunRepository {

    void insert(ImportReport r, String optionsKey);

    /** A completed import of the same file content with the same options, if any. */
    Optional<ImportReport> findCompleted(String sha256, String optionsKey);

    Optional<ImportReport> find(UUID id);

    List<ImportReport> recent(int limit);
}
