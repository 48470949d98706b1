/** Kafka: work chunks ({@code sweep.work}), results ({@code sweep.results}) and sweep events ({@code sweep.events}). */
package com.sigmatiq.sweep.messaging;
