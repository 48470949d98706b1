/**
 * Local mode, the README's first command ({@code ./sigmatiq-local}): an embedded PostgreSQL whose data persists in
 * {@code .sigmatiq/postgres} (with the gateway's generated key-encryption secret in {@code .sigmatiq/identity-secret}),
 * an embedded Kafka KRaft broker on {@code localhost:9092}, then every service of
 * {@link com.sigmatiq.local.LocalServices#ALL} as its own Spring Boot application (own port, own schema, own
 * class loader) in this JVM.
 *
 * <p>Each service runs on its own module's runtime class path in a class loader whose parent is the JDK's platform
 * loader, so services share nothing but the JDK: each reads its own {@code application.yaml}, sees only its own
 * auto-configuration, and does not know it runs locally. Ctrl-C stops the services in reverse order, then Kafka,
 * then PostgreSQL. With {@code --processes} each service runs in its own JVM instead, on the same class path and
 * properties ({@link com.sigmatiq.local.ServiceProcesses}); PostgreSQL and Kafka stay in the launcher.
 *
 * <p>One local mode at a time owns a data folder ({@link com.sigmatiq.local.DataFolderLock}, a lock the system drops
 * when its process dies). A run killed with {@code kill -9} leaves its PostgreSQL running and its Kafka folder on
 * disk; the next run, finding the lock free, stops that PostgreSQL ({@link com.sigmatiq.local.OrphanedPostgres}),
 * deletes that folder and starts on the same data.
 */
package com.sigmatiq.local;
