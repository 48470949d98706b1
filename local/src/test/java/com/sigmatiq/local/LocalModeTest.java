package com.sigmatiq.local;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Starts real embedded infrastructure and two instances of a sample service, each in its own class loader,
 * and checks they are separate applications on their own ports and schemas; then that everything stops. Also: the
 * PostgreSQL data across a restart of the infrastructure, and the Kafka broker's port and records across its restart.
 */
class LocalModeTest {

    private static final String SAMPLE = "com.sigmatiq.local.sample.SampleApplication";

    @TempDir
    Path data;

    @Test
    void runsEachServiceIsolatedOnItsOwnPortAndSchemaAndStopsEverything() throws Exception {
        int portA = LocalInfrastructure.portOrFree(0, "a");
        int portB = LocalInfrastructure.portOrFree(0, "b");
        List<LocalService> services = List.of(
                LocalService.service("sample-a", SAMPLE, portA, "sample_a"),
                LocalService.service("sample-b", SAMPLE, portB, "sample_b"),
                LocalService.service("not-built", "com.sigmatiq.nothing.App", 1, "x"),
                LocalService.service("placeholder", "com.sigmatiq.nothing.App", 2, "y"));
        List<Path> testClasspath = testClasspath();
        ServiceClasspath classpath = s -> s.module().equals("not-built") ? Optional.empty() : Optional.of(testClasspath);

        LocalMode mode = new LocalMode();
        int postgresPort;
        String kafka;
        try {
            mode.start(new LocalMode.Options(data, data.resolve("local"), 0, 0), services, classpath);

            assertThat(mode.running()).extracting(r -> r.service().module()).containsExactly("sample-a", "sample-b");
            Map<String, String> a = whoami(portA);
            Map<String, String> b = whoami(portB);
            assertThat(a).containsEntry("search_path", "sample_a").containsEntry("loader", "sample-a");
            assertThat(b).containsEntry("search_path", "sample_b").containsEntry("loader", "sample-b");
            kafka = a.get("kafka");
            assertThat(kafka).isEqualTo(b.get("kafka")).startsWith("localhost:");

            ClassLoader loaderA = mode.running().get(0).classLoader();
            ClassLoader loaderB = mode.running().get(1).classLoader();
            Class<?> springInA = Class.forName("org.springframework.context.ApplicationContext", false, loaderA);
            Class<?> springInB = Class.forName("org.springframework.context.ApplicationContext", false, loaderB);
            assertThat(springInA).isNotSameAs(springInB);
            assertThat(loaderA.getParent()).isSameAs(ClassLoader.getPlatformClassLoader());

            postgresPort = mode.infrastructure().postgresPort();
            try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("model.events");
            }
        } finally {
            mode.close();
        }

        assertThat(LocalInfrastructure.isFree(portA)).isTrue();
        assertThat(LocalInfrastructure.isFree(portB)).isTrue();
        assertThat(LocalInfrastructure.isFree(postgresPort)).isTrue();
        assertThat(LocalInfrastructure.isFree(Integer.parseInt(kafka.substring(kafka.indexOf(':') + 1)))).isTrue();
    }

    @Test
    void refusesAPostgresDataFolderGivenAsTheDataFolder() throws Exception {
        Path old = data.resolve("old-layout");
        java.nio.file.Files.createDirectories(old);
        java.nio.file.Files.writeString(old.resolve("PG_VERSION"), "17\n");
        LocalMode mode = new LocalMode();

        assertThatThrownBy(() -> mode.start(new LocalMode.Options(data, old, 0, 0), List.of(), s -> Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("postgres/");
        assertThat(mode.infrastructure()).isNull();
        assertThat(old.resolve(IdentitySecret.FILE)).doesNotExist();
    }

    @Test
    void postgresDataSurvivesARestart() throws Exception {
        Path pg = data.resolve("pg");
        try (LocalInfrastructure first = LocalInfrastructure.start(pg, 0, 0)) {
            execute(first, "create table kept (v text); insert into kept values ('still here')");
        }
        try (LocalInfrastructure second = LocalInfrastructure.start(pg, 0, 0);
             Connection c = DriverManager.getConnection(second.jdbcUrl("public"), LocalInfrastructure.USER,
                     LocalInfrastructure.PASSWORD);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void postgresWaitsForTheDiskBeforeItAcknowledgesACommit() throws Exception {
        try (LocalInfrastructure infra = LocalInfrastructure.start(data.resolve("durable"), 0, 0);
             Connection c = DriverManager.getConnection(infra.jdbcUrl("public"), LocalInfrastructure.USER,
                     LocalInfrastructure.PASSWORD);
             Statement s = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = s.executeQuery("show " + setting)) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    @Test
    void kafkaKeepsItsPortAndRecordsAcrossARestart() throws Exception {
        try (LocalInfrastructure infra = LocalInfrastructure.start(data.resolve("pg"), 0, 0)) {
            String servers = infra.kafkaBootstrapServers();
            Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig)) {
                producer.send(new ProducerRecord<>("restart.check", "k", "before")).get(30, TimeUnit.SECONDS);
                int port = Integer.parseInt(servers.substring(servers.indexOf(':') + 1));
                try (java.net.Socket open = new java.net.Socket("localhost", port)) {
                    open.setSoTimeout(60_000);

                    infra.restartKafka();

                    assertThat(open.getInputStream().read()).as("a connection open before the restart").isEqualTo(-1);
                }
                assertThat(infra.kafkaBootstrapServers()).isEqualTo(servers);
                // the same producer carries on once the broker is back
                producer.send(new ProducerRecord<>("restart.check", "k", "after")).get(60, TimeUnit.SECONDS);
            }
            Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ConsumerConfig.GROUP_ID_CONFIG, "restart-check", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            List<String> values = new java.util.ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
                consumer.subscribe(List.of("restart.check"));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (values.size() < 2 && System.nanoTime() < deadline) {
                    consumer.poll(java.time.Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
                }
            }
            assertThat(values).containsExactly("before", "after");
        }
    }

    private static void execute(LocalInfrastructure infra, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("public"), LocalInfrastructure.USER,
                LocalInfrastructure.PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
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
