/**
 * The soak's instruments, usable against any running platform: heap after a full collection of a JVM read over JMX
 * ({@link com.sigmatiq.local.soak.HeapAfterGc}), Kafka consumer lag per group
 * ({@link com.sigmatiq.local.soak.ConsumerLag}), when each bar was published ({@link com.sigmatiq.local.soak.BarClock}),
 * error lines in the services' logs ({@link com.sigmatiq.local.soak.LogErrors}), and the flatness rules the soak
 * asserts ({@link com.sigmatiq.local.soak.Flatness}). {@code com.sigmatiq.local.SoakTest} runs them.
 */
package com.sigmatiq.local.soak;
