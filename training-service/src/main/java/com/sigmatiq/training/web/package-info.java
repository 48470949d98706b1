/**
 * The REST API: {@code /training/jobs} (create, read, server-sent events, result) and
 * {@code /training/trained-models} (review, detail, artifact downloads). Every answer is a record of {@code Views}
 * or the {@code ml} module's {@code TrainingReport}; errors are problem details from the service kit.
 */
package com.sigmatiq.training.web;
