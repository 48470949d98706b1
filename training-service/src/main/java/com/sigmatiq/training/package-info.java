/**
 * training-service (DESIGN §6, seed steps 5.1–6.1): {@code POST /training/jobs} takes the user's selection from a
 * sweep's leaderboard and starts one job per configuration; workers (a Kafka consumer group on
 * {@code training.jobs}) train each with the {@code ml} module and store the result and the artifacts in PostgreSQL;
 * {@code training.completed} moves the model to {@code trained}. Layers: {@code web} → {@code domain} ←
 * {@code persistence}, {@code messaging}, {@code client}; {@code config} wires them.
 */
package com.sigmatiq.training;
