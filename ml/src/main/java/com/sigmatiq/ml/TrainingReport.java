package com.sigmatiq.ml;

import java.util.List;

/**
 * What a training produced, in the seed's {@code training_results} shape (names turn snake_case on the wire:
 * {@code trained_model_id}, {@code auc_roc}, …). The service's {@code GET /training/jobs/{id}/result} and the
 * command line's {@code result.json} are this record; the command line leaves the job's fields null.
 *
 * @param jobId             the service's job, or null
 * @param modelId           the model trained on, or null
 * @param trainedModelId    {@code <model_id>_trained_<NNN>}, or the command line's output directory name
 * @param comboId           the sweep combination, or null
 * @param sweepId           the sweep, or null
 * @param status            {@code completed}
 * @param metrics           training, validation and cross-validation metrics
 * @param featureImportance gain per feature, normalised to sum 1, largest first
 * @param modelArtifacts    where each artifact can be fetched
 * @param sharpeBacktest    the configuration's backtest Sharpe over the whole range (the sweep's)
 * @param sharpeValidation  Sharpe of a backtest over the validation period whose entries also need the calibrated
 *                          probability ≥ the threshold; null when no session was left to measure
 * @param samples           sample counts per split
 * @param calibrationCurve  ten bins of the validation samples' calibrated probabilities
 * @param hyperparameters   the booster's settings
 * @param trainingParams    validation and calibration settings
 * @param data              the bars trained on
 * @param tradeStats        the trades of the training samples (what an alert's predicted return and duration use)
 */
public record TrainingReport(String jobId, String modelId, String trainedModelId, Long comboId, String sweepId,
                             String status, Metrics metrics, List<FeatureImportance> featureImportance,
                             ModelArtifacts modelArtifacts, Double sharpeBacktest, Double sharpeValidation,
                             SampleCounts samples, List<CalibrationBin> calibrationCurve, Hyperparameters hyperparameters,
                             TrainingParams trainingParams, DataInfo data, TradeStats tradeStats) {

    /** This report as a job's: its ids, the artifacts' locations and the sweep's Sharpe. */
    public TrainingReport withJob(String jobId, String modelId, String trainedModelId, Long comboId, String sweepId,
                                  ModelArtifacts artifacts, Double sweepSharpe) {
        return new TrainingReport(jobId, modelId, trainedModelId, comboId, sweepId, status, metrics, featureImportance,
                artifacts, sweepSharpe, sharpeValidation, samples, calibrationCurve, hyperparameters, trainingParams, data,
                tradeStats);
    }

    /** This report under another trained model id. */
    public TrainingReport withTrainedModelId(String id) {
        return new TrainingReport(jobId, modelId, id, comboId, sweepId, status, metrics, featureImportance, modelArtifacts,
                sharpeBacktest, sharpeValidation, samples, calibrationCurve, hyperparameters, trainingParams, data,
                tradeStats);
    }

    /**
     * The labelled trades of the samples that trained the booster: how many, the share that won (net return &gt; 0),
     * the mean net return of winners, of losers (≤ 0) and of all, and the mean duration in calendar days from entry to
     * exit. An alert's {@code predicted_return} is p·avgWinner + (1 − p)·avgLoser; its {@code predicted_duration_days}
     * is avgDurationDays.
     */
    public record TradeStats(int trades, double winRate, double avgWinner, double avgLoser, double avgReturn,
                             double avgDurationDays) {
    }

    /** Metrics on the booster's own samples, on validation, and per fold of purged K-fold (null without). */
    public record Metrics(ClassificationMetrics training, ClassificationMetrics validation,
                          CrossValidation crossValidation) {
    }

    /** Purged K-fold: each fold's metrics and their mean. */
    public record CrossValidation(int folds, double embargo, List<FoldMetrics> perFold, ClassificationMetrics mean) {
    }

    /** One fold of purged K-fold. */
    public record FoldMetrics(int fold, int trainSamples, int testSamples, int purged, int embargoed,
                              ClassificationMetrics metrics) {
    }

    /** A feature's share of the booster's gain. */
    public record FeatureImportance(String feature, double importance) {
    }

    /** Where each artifact is. */
    public record ModelArtifacts(String modelFile, String featureSchemaFile, String calibrationFile,
                                 String metadataFile) {
    }

    /**
     * Samples per split: {@code train} fit the booster, {@code purged} were left out because their trade was still
     * open when the next part began, {@code calibration} fit the Platt scaling, {@code validation} are the newest;
     * {@code unresolved} candidates had no exit in the data. {@code positives} per part.
     */
    public record SampleCounts(int total, int train, int purged, int calibration, int validation, int unresolved,
                               int trainPositives, int calibrationPositives, int validationPositives) {
    }

    /** The seed's {@code training_params} and what goes beyond it. */
    public record TrainingParams(String algorithm, String validationMethod, double testSize, String calibration,
                                 double calibrationShare, Integer folds, Double embargo, double candidateFloor) {
    }

    /**
     * The data: ticker and timeframe, the first and last bar's session date, the range trained on (sessions
     * inclusive), the validation period, the number of bars and a SHA-256 of their values ({@link BarsHash}).
     */
    public record DataInfo(String ticker, String timeframe, String firstBar, String lastBar, String rangeStart,
                           String rangeEnd, String validationStart, int bars, String contentHash) {
    }
}
