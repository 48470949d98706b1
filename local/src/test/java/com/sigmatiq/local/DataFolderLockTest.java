package com.sigmatiq.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The data folder lock within one JVM; {@link CrashRecoveryTest} covers an owner in another process. */
class DataFolderLockTest {

    @TempDir
    Path data;

    @Test
    void aSecondOwnerIsRefusedNamingTheOwnersPidUntilTheFirstReleasesTheFolder() {
        long pid = ProcessHandle.current().pid();
        DataFolderLock first = DataFolderLock.acquire(data);
        try {
            assertThatThrownBy(() -> DataFolderLock.acquire(data))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another local mode (pid " + pid + ")")
                    .hasMessageContaining(data.toString());
        } finally {
            first.close();
        }
        DataFolderLock.acquire(data).close();
    }

    @Test
    void theNextOwnerGetsTheKafkaFolderAKilledOwnerRecordedButNotOneACleanOwnerDeleted() throws Exception {
        Path kafka = Files.createDirectory(data.resolve("kafka-1"));
        // what a killed owner leaves: its pid and its Kafka folder, and no lock
        Files.writeString(data.resolve(DataFolderLock.FILE), "4194999\n" + kafka + "\n");

        try (DataFolderLock next = DataFolderLock.acquire(data)) {
            assertThat(next.leftKafkaFolder()).contains(kafka);
            assertThat(Files.readAllLines(data.resolve(DataFolderLock.FILE)))
                    .containsExactly(Long.toString(ProcessHandle.current().pid()));
            next.recordKafkaFolder(kafka);
        }
        assertThat(data.resolve(DataFolderLock.FILE)).isEmptyFile();
        try (DataFolderLock afterACleanStop = DataFolderLock.acquire(data)) {
            assertThat(afterACleanStop.leftKafkaFolder()).isEmpty();
        }

        Files.writeString(data.resolve(DataFolderLock.FILE), "4194999\n" + data.resolve("kafka-gone") + "\n");
        try (DataFolderLock next = DataFolderLock.acquire(data)) {
            assertThat(next.leftKafkaFolder()).isEmpty();
        }
    }

    @Test
    void deletesOnlyAKafkaFolderInTheSystemTemporaryFolder() throws Exception {
        Path outsideTemp = Files.createDirectories(data.resolve("kafka-123").resolve("meta"));
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        Path notKafka = Files.createTempDirectory(temp, "sigmatiq-not-kafka-");
        Path kafka = Files.createTempDirectory(temp, "kafka-");
        Files.writeString(Files.createDirectory(kafka.resolve("broker-0")).resolve("meta.properties"), "x");
        try {
            LocalMode.deleteLeftKafkaFolder(outsideTemp.getParent());
            LocalMode.deleteLeftKafkaFolder(notKafka);
            LocalMode.deleteLeftKafkaFolder(kafka);

            assertThat(outsideTemp).isDirectory();
            assertThat(notKafka).isDirectory();
            assertThat(kafka).doesNotExist();
        } finally {
            Files.deleteIfExists(notKafka);
        }
    }
}
