package com.sigmatiq.sweep.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Storage of sweeps (schema {@code sweep}). */
public interface SweepRepository {

    /**
     * Stores a sweep, its inputs and every combination ({@code comboUnits[id - 1]} = the work unit of combo
     * {@code id}, {@code configHashes[id - 1]} its configuration hash), status {@code queued}, in one transaction.
     */
    void create(SweepSpec spec, SweepInputs inputs, long[] comboUnits, String[] configHashes, Instant now);

    Optional<SweepState> find(UUID id);

    /** The sweep if {@code ownerId} owns it. */
    Optional<SweepState> find(UUID id, String ownerId);

    /**
     * The owner's sweeps, newest first (by creation time), at most {@code limit}; {@code modelId} and {@code status}
     * filter when not null.
     */
    List<SweepState> list(String ownerId, String modelId, SweepStatus status, int limit);

    Optional<SweepStatus> status(UUID id);

    SweepInputs inputs(UUID id);

    /** The pack files of {@link #inputs} alone (without the bars). */
    Map<String, String> packFiles(UUID id);

    void log(UUID id, Instant at, String status, String message);

    List<LogEntry> log(UUID id);

    /** queued → running; false if it was not queued. */
    boolean markRunning(UUID id, Instant now);

    /** queued/running → cancelled; false if it was neither. */
    boolean cancel(UUID id, Instant now);

    /**
     * Stores results that are not stored yet (key sweep id + combo id; duplicates are ignored) and adds the number
     * actually inserted to the sweep's done counter, in one transaction.
     */
    Progress insertResults(UUID id, List<ComboResult> results, Instant now);

    /** Done counter before and after an insert. */
    record Progress(long inserted, long doneBefore, long doneAfter, long total, SweepStatus status) {
    }

    /** Work units with at least one combination without a result, ascending. */
    List<Long> missingUnits(UUID id);

    /** Sweeps that are queued or running. */
    List<UUID> unfinished();

    /**
     * Queued or running sweeps without progress since {@code before}; each is claimed (its progress time set to
     * {@code now}) so that one coordinator instance handles it.
     */
    List<UUID> claimStalled(Instant before, Instant now);

    /** Every result's return moments, in combo-id order (locks the sweep row; call inside a transaction). */
    List<ComboResult> momentsForUpdate(UUID id);

    /** Stores the deflated Sharpe ratio of every combination and marks the sweep completed. */
    void complete(UUID id, long[] comboIds, Double[] deflatedSharpe, double variance, Instant now);

    /** A page of the leaderboard, sorted and filtered. */
    List<ComboResult> leaderboard(UUID id, SortKey sort, boolean ascending, Boolean gatePass, int offset, int limit);

    /** Stored results, passed and failed, and those matching a gate filter. */
    Counts counts(UUID id, Boolean gatePass);

    record Counts(long stored, long passed, long failed, long matching) {
    }

    Optional<ComboResult> result(UUID id, long comboId);

    Optional<String> configHash(UUID id, long comboId);
}
