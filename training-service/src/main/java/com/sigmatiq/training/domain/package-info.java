/**
 * Training's use cases without infrastructure: {@link com.sigmatiq.training.domain.TrainingService} validates a
 * selection against its model and sweep and creates jobs, {@link com.sigmatiq.training.domain.TrainingWorker} trains
 * one with the {@code ml} module, {@link com.sigmatiq.training.domain.JobCompletion} stores its result once,
 * {@link com.sigmatiq.training.domain.TrainingWatch} resends jobs nobody works on. Ports: {@code JobRepository},
 * {@code JobPublisher}, {@code TrainingEventPublisher}, {@code ModelSource}, {@code SweepSource}, {@code BarSource}.
 */
package com.sigmatiq.training.domain;
