package com.sigmatiq.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Local mode with {@code --processes} on a sample service: each service in its own JVM with local mode's properties,
 * its output in the data folder's log; a SIGKILL on purpose is no death, one from outside is reported; a restart
 * brings it back in a new JVM; closing stops every child.
 */
class ServiceProcessesTest {

    private static final String SAMPLE = "com.sigmatiq.local.sample.SampleApplication";

    @TempDir
    Path data;

    @Test
    void eachServiceRunsInItsOwnJvmAndIsKilledReportedAndRestarted() throws Exception {
        int portA = LocalInfrastructure.portOrFree(0, "a");
        int portB = LocalInfrastructure.portOrFree(0, "b");
        List<LocalService> services = List.of(
                LocalService.service("sample-a", SAMPLE, portA, "sample_a"),
                LocalService.service("sample-b", SAMPLE, portB, "sample_b"),
                LocalService.service("not-built", "com.sigmatiq.nothing.App", 1, "x"));
        List<Path> testClasspath = testClasspath();
        ServiceClasspath classpath = s -> s.module().equals("not-built") ? Optional.empty() : Optional.of(testClasspath);
        Path folder = data.resolve("local");

        LocalMode mode = new LocalMode();
        ServiceProcesses processes;
        long pidB;
        long pidA;
        try {
            mode.start(new LocalMode.Options(data, folder, 0, 0, true), services, classpath);
            processes = mode.processes().orElseThrow();

            assertThat(mode.running()).isEmpty();
            assertThat(processes.modules()).containsExactly("sample-a", "sample-b");
            Map<String, String> a = whoami(portA);
            Map<String, String> b = whoami(portB);
            assertThat(a).containsEntry("search_path", "sample_a").containsEntry("pid", pid(processes, "sample-a"));
            assertThat(b).containsEntry("search_path", "sample_b").containsEntry("pid", pid(processes, "sample-b"));
            assertThat(a.get("pid")).isNotEqualTo(b.get("pid"))
                    .isNotEqualTo(Long.toString(ProcessHandle.current().pid()));
            assertThat(a.get("kafka")).isEqualTo(mode.infrastructure().kafkaBootstrapServers());
            assertThat(processes.logFile("sample-a")).isEqualTo(folder.resolve("logs/sample-a.log"))
                    .content().contains("Started SampleApplication");

            // killed on purpose, then restarted: a new JVM on the same port, no death reported
            long before = Long.parseLong(a.get("pid"));
            processes.kill("sample-a");
            assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(processes.pid("sample-a")).isEmpty();
            processes.restart("sample-a");
            Map<String, String> again = whoami(portA);
            assertThat(again.get("pid")).isNotEqualTo(a.get("pid")).isEqualTo(pid(processes, "sample-a"));
            assertThat(again).containsEntry("search_path", "sample_a");
            assertThat(processes.deaths()).isEmpty();
            pidA = Long.parseLong(again.get("pid"));

            // killed from outside: reported as a death, with its exit code
            pidB = Long.parseLong(b.get("pid"));
            ProcessHandle.of(pidB).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).until(() -> !processes.deaths().isEmpty());
            assertThat(processes.deaths()).singleElement().satisfies(d -> {
                assertThat(d.module()).isEqualTo("sample-b");
                assertThat(d.pid()).isEqualTo(pidB);
                assertThat(d.exitCode()).isEqualTo(137);
            });
            assertThatThrownBy(() -> processes.restart("unknown")).isInstanceOf(IllegalArgumentException.class);
            assertThat(mode.banner(new LocalMode.Options(data, folder, 0, 0, true), 1.0))
                    .contains("sample-a").contains("own JVM");
        } finally {
            mode.close();
        }
        assertThat(ProcessHandle.of(pidA).map(ProcessHandle::isAlive).orElse(false)).as("stopped by close").isFalse();
        assertThat(LocalInfrastructure.isFree(portA)).isTrue();
        assertThat(LocalInfrastructure.isFree(portB)).isTrue();
        assertThat(processes.deaths()).as("a stop is no death").hasSize(1);
    }

    @Test
    void theOptionIsParsed() {
        assertThat(LocalMode.Options.parse("--processes").processes()).isTrue();
        assertThat(LocalMode.Options.parse().processes()).isFalse();
    }

    private static String pid(ServiceProcesses processes, String module) {
        return processes.pid(module).map(Object::toString).orElseThrow();
    }

    private static Map<String, String> whoami(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/whoami")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, String> body = new tools.jackson.databind.json.JsonMapper().readValue(response.body(), Map.class);
        return body;
    }

    private static List<Path> testClasspath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(cp.split(File.pathSeparator)).filter(e -> !e.isBlank()).map(Path::of).toList();
    }
}
