package com.sigmatiq.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link OrphanedPostgres} does with a {@code postmaster.pid} that no PostgreSQL owns; {@link CrashRecoveryTest}
 * stops a real one.
 */
class OrphanedPostgresTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path postgres;

    @Test
    void aFolderWithoutPidFileHasNothingToStop() {
        assertThat(OrphanedPostgres.stopIfRunning(postgres, TIMEOUT)).isEqualTo(OrphanedPostgres.Outcome.NOTHING);
    }

    @Test
    void removesAPidFileWhoseProcessIsGone() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        assertThat(finished.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Path pidFile = writePidFile(finished.pid() + "\n" + postgres + "\n");

        assertThat(OrphanedPostgres.stopIfRunning(postgres, TIMEOUT))
                .isEqualTo(OrphanedPostgres.Outcome.STALE_PID_FILE_REMOVED);
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void removesAPidFileWhosePidNowBelongsToAnotherProgramAndLeavesThatProgramAlone() throws Exception {
        Process other = new ProcessBuilder("sleep", "600").start();
        try {
            Path pidFile = writePidFile(other.pid() + "\n" + postgres + "\n");

            assertThat(OrphanedPostgres.stopIfRunning(postgres, TIMEOUT))
                    .isEqualTo(OrphanedPostgres.Outcome.STALE_PID_FILE_REMOVED);
            assertThat(pidFile).doesNotExist();
            assertThat(other.isAlive()).isTrue();
        } finally {
            other.destroy();
            other.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void removesAnUnreadablePidFile() throws Exception {
        Path pidFile = writePidFile("not a pid\n");

        assertThat(OrphanedPostgres.stopIfRunning(postgres, TIMEOUT))
                .isEqualTo(OrphanedPostgres.Outcome.STALE_PID_FILE_REMOVED);
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void thisJvmIsNoPostgres() {
        assertThat(OrphanedPostgres.identify(ProcessHandle.current(), postgres))
                .isEqualTo(OrphanedPostgres.Identity.SOMETHING_ELSE);
        assertThat(OrphanedPostgres.processesOn(postgres)).isEmpty();
    }

    private Path writePidFile(String content) throws Exception {
        return Files.writeString(postgres.resolve(OrphanedPostgres.PID_FILE), content);
    }
}
