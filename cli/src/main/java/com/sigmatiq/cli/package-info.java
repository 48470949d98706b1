/**
 * The {@code ./sigmatiq} command line (picocli): the engine on local CSV files, without a server.
 *
 * <p>Commands: {@code indicators} (every indicator output and feature per bar), {@code backtest} (one configuration:
 * {@code result.json}, {@code trades.csv}, {@code equity.csv}; with {@code --trained DIR} entries also need that
 * model's calibrated probability), {@code sweep} (a grid, ranked into {@code leaderboard.json}), {@code dataset}
 * (the meta-labelling samples and their schema) and {@code train} (a meta-labelling model through
 * {@code com.sigmatiq.ml.MetaLabelTrainer}, the training service's method: its four artifacts and {@code result.json}
 * in the service's result shape). Errors a user can act on are printed as one line and exit with status 2.
 */
package com.sigmatiq.cli;
