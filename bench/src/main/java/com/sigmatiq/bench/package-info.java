/**
 * Benchmarks that measure the engine beside its peers in the same run (JMH: TA-Lib's Java port).
 * Build with {@code ./mvnw -pl bench -am package -DskipTests}, run {@code java -jar bench/target/benchmarks.jar}.
 */
package com.sigmatiq.bench;
