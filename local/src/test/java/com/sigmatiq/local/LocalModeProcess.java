package com.sigmatiq.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Local mode without services, for {@link CrashRecoveryTest} to run in a child JVM: the same {@link LocalMode#start}
 * as {@code ./sigmatiq-local} (data folder lock, embedded PostgreSQL, embedded Kafka) on the data folder, PostgreSQL
 * port and Kafka port (0: any) given as arguments. Prints {@value #READY} when up, then runs until it is killed;
 * SIGTERM stops it as Ctrl-C stops local mode.
 */
public final class LocalModeProcess {

    static final String READY = "local mode process ready";

    private LocalModeProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(args[0]);
        LocalMode mode = new LocalMode();
        Runtime.getRuntime().addShutdownHook(new Thread(mode::close, "local-mode-process-shutdown"));
        int postgresPort = Integer.parseInt(args[1]);
        int kafkaPort = Integer.parseInt(args[2]);
        mode.start(new LocalMode.Options(data, data, postgresPort, kafkaPort), List.of(), service -> Optional.empty());
        System.out.println(READY);
        new CountDownLatch(1).await();
    }
}
