package com.sigmatiq.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Local mode after {@code kill -9}: a real local mode ({@link LocalModeProcess}) runs in a child JVM on a temporary
 * data folder; the test kills it, or leaves it alive, and starts the next local mode on the same folder here.
 */
class CrashRecoveryTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String ROW = "written before the crash";

    @TempDir
    Path temp;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() throws Exception {
        for (Process child : children) {
            child.destroy();
            child.onExit().get(60, TimeUnit.SECONDS);
        }
        // never leave a PostgreSQL running on the temporary folder, whatever the code under test did
        List<ProcessHandle> left = OrphanedPostgres.processesOn(temp.resolve("data").resolve("postgres"));
        left.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : left) {
            process.onExit().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void theNextStartStopsThePostgresAKilledLocalModeLeftAndKeepsItsData() throws Exception {
        Path data = temp.resolve("data");
        Path postgres = data.resolve("postgres");
        int port = LocalInfrastructure.portOrFree(0, "PostgreSQL");
        int kafkaPort = LocalInfrastructure.portOrFree(0, "Kafka");
        Process killed = startLocalModeProcess(data, port, kafkaPort);
        execute(port, "create table kept (v text); insert into kept values ('" + ROW + "')");
        ProcessHandle server = ProcessHandle.of(postmasterPid(postgres)).orElseThrow();
        List<ProcessHandle> serverProcesses = new ArrayList<>(server.descendants().toList());
        serverProcesses.add(server);
        Path kafkaFolder = recordedKafkaFolder(data);
        assertThat(kafkaFolder).isDirectory();
        // pg_ctl detaches the server: its parent is never the local-mode JVM, so the parent cannot tell who owns it
        assertThat(server.parent().map(ProcessHandle::pid)).isNotEqualTo(Optional.of(killed.pid()));

        killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(killed.onExit().get(60, TimeUnit.SECONDS).exitValue()).isEqualTo(137);
        assertThat(server.isAlive()).as("PostgreSQL outlives the killed local mode").isTrue();
        assertThat(queryKept(port)).isEqualTo(ROW);
        assertThat(kafkaFolder).as("Kafka's folder outlives the killed local mode").isDirectory();

        LocalMode next = new LocalMode();
        try {
            next.start(new LocalMode.Options(data, data, port, kafkaPort), List.of(), service -> Optional.empty());

            assertThat(serverProcesses).noneMatch(ProcessHandle::isAlive);
            assertThat(next.infrastructure().postgresPort()).as("the killed run's ports are free again")
                    .isEqualTo(port);
            assertThat(next.infrastructure().kafkaBootstrapServers()).isEqualTo("localhost:" + kafkaPort);
            assertThat(postmasterPid(postgres)).isNotEqualTo(server.pid());
            assertThat(queryKept(port)).isEqualTo(ROW);
            assertThat(kafkaFolder).doesNotExist();
        } finally {
            next.close();
        }
        assertThat(OrphanedPostgres.processesOn(postgres)).isEmpty();
        assertThat(postgres.resolve(OrphanedPostgres.PID_FILE)).doesNotExist();
        assertThat(LocalInfrastructure.isFree(port)).isTrue();
    }

    @Test
    void aLiveLocalModeKeepsItsDataFolderAndASecondOneIsRefusedNamingItsPid() throws Exception {
        Path data = temp.resolve("data");
        Path postgres = data.resolve("postgres");
        int port = LocalInfrastructure.portOrFree(0, "PostgreSQL");
        Process owner = startLocalModeProcess(data, port, 0);
        execute(port, "create table kept (v text); insert into kept values ('" + ROW + "')");
        long server = postmasterPid(postgres);

        LocalMode second = new LocalMode();
        assertThatThrownBy(() -> second.start(new LocalMode.Options(data, data, 0, 0), List.of(),
                service -> Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another local mode (pid " + owner.pid() + ")")
                .hasMessageContaining(data.toString())
                .hasMessageContaining("--data=");
        second.close();

        assertThat(second.infrastructure()).isNull();
        assertThat(owner.isAlive()).isTrue();
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).contains(true);
        assertThat(postmasterPid(postgres)).isEqualTo(server);
        assertThat(queryKept(port)).isEqualTo(ROW);

        owner.destroy(); // SIGTERM, as Ctrl-C: local mode stops its PostgreSQL itself
        owner.onExit().get(60, TimeUnit.SECONDS);
        assertThat(OrphanedPostgres.processesOn(postgres)).isEmpty();
        assertThat(postgres.resolve(OrphanedPostgres.PID_FILE)).doesNotExist();
    }

    @Test
    void aPostmasterPidWhosePidNowBelongsToAnotherProgramDoesNotBlockTheStart() throws Exception {
        Path data = temp.resolve("data");
        Path postgres = data.resolve("postgres");
        LocalMode first = new LocalMode();
        try {
            first.start(new LocalMode.Options(data, data, 0, 0), List.of(), service -> Optional.empty());
            execute(first.infrastructure().postgresPort(),
                    "create table kept (v text); insert into kept values ('" + ROW + "')");
        } finally {
            first.close();
        }
        // as after a reboot: the file names a pid that runs but is not a PostgreSQL, which PostgreSQL itself takes for
        // another server on the folder and refuses to start. (Not this JVM's pid: PostgreSQL knows pg_ctl's parent.)
        Process otherProgram = new ProcessBuilder("sleep", "600").start();
        children.add(otherProgram);
        long notPostgres = otherProgram.pid();
        Files.writeString(postgres.resolve(OrphanedPostgres.PID_FILE), notPostgres + "\n" + postgres + "\n");

        LocalMode next = new LocalMode();
        try {
            next.start(new LocalMode.Options(data, data, 0, 0), List.of(), service -> Optional.empty());
            assertThat(postmasterPid(postgres)).isNotEqualTo(notPostgres);
            assertThat(queryKept(next.infrastructure().postgresPort())).isEqualTo(ROW);
        } finally {
            next.close();
        }
    }

    private Process startLocalModeProcess(Path data, int postgresPort, int kafkaPort) throws IOException {
        Path log = temp.resolve("local-mode-" + children.size() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", LocalModeProcess.class.getName(),
                data.toString(), Integer.toString(postgresPort), Integer.toString(kafkaPort))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("CLASSPATH", classpath);
        Process child = builder.start();
        children.add(child);
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> !child.isAlive() || Files.readString(log).contains(LocalModeProcess.READY));
        assertThat(child.isAlive()).as(() -> "local mode in the child JVM did not start:\n" + readQuietly(log))
                .isTrue();
        return child;
    }

    private static long postmasterPid(Path postgres) throws IOException {
        return Long.parseLong(Files.readAllLines(postgres.resolve(OrphanedPostgres.PID_FILE)).get(0).strip());
    }

    private static Path recordedKafkaFolder(Path data) throws IOException {
        List<String> lines = Files.readAllLines(data.resolve(DataFolderLock.FILE));
        assertThat(lines).hasSize(2);
        return Path.of(lines.get(1));
    }

    private static void execute(int port, String sql) throws SQLException {
        try (Connection c = connect(port); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String queryKept(int port) throws SQLException {
        try (Connection c = connect(port);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + LocalInfrastructure.DATABASE,
                LocalInfrastructure.USER, LocalInfrastructure.PASSWORD);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
