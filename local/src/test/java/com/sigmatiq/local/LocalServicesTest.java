package com.sigmatiq.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one list of services, and the properties each receives. */
class LocalServicesTest {

    private static final String SECRET = "generated-secret-of-this-data-folder";
    private static final LocalMode.Platform PLATFORM = new LocalMode.Platform(
            "jdbc:postgresql://localhost:5432/sigmatiq", "localhost:9092", Path.of("/repo/packs"), SECRET);

    @Test
    void listsTheGatewayFirstAndEveryServiceOnce() {
        assertThat(LocalServices.ALL).isNotEmpty();
        assertThat(LocalServices.ALL.get(0).module()).isEqualTo(LocalServices.GATEWAY);
        assertThat(LocalServices.ALL).extracting(LocalService::module).doesNotHaveDuplicates();
        assertThat(LocalServices.ALL).extracting(LocalService::port).doesNotHaveDuplicates();
        assertThat(LocalServices.ALL).extracting(LocalService::schema).doesNotHaveDuplicates();
        assertThat(LocalServices.ALL).extracting(LocalService::mainClass).allMatch(c -> c.startsWith("com.sigmatiq."));
    }

    @Test
    void holdsTheAgreedServicesPortsAndSchemas() {
        assertThat(LocalServices.ALL).extracting(LocalService::module, LocalService::port, LocalService::schema)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple("gateway", 8080, "identity"),
                        org.assertj.core.groups.Tuple.tuple("pack-service", 8081, "pack"),
                        org.assertj.core.groups.Tuple.tuple("model-service", 8082, "model"));
    }

    @Test
    void theLocalBrokerListensForFixOnItsPortAndPilotServiceIsToldWhere() {
        LocalService broker = LocalServices.ALL.stream().filter(s -> s.module().equals(LocalServices.LOCAL_BROKER))
                .findFirst().orElseThrow();
        LocalService pilot = LocalServices.ALL.stream().filter(s -> s.module().equals("pilot-service")).findFirst().orElseThrow();
        List<LocalService> moved = LocalServices.ALL.stream()
                .map(s -> s == broker ? s.withPort(19878) : s).toList();

        assertThat(LocalMode.propertiesFor(broker.withPort(19878), moved, PLATFORM))
                .containsEntry("sigmatiq.local-broker.fix-port", "19878")
                .containsEntry("spring.datasource.url", "jdbc:postgresql://localhost:5432/sigmatiq?currentSchema=localbroker");
        assertThat(LocalMode.propertiesFor(pilot, moved, PLATFORM))
                .containsEntry("sigmatiq.pilot.local-broker.port", "19878")
                .containsEntry("sigmatiq.pilot.local-broker.host", "127.0.0.1");
        assertThat(LocalMode.propertiesFor(LocalServices.ALL.get(1), moved, PLATFORM))
                .doesNotContainKeys("sigmatiq.pilot.local-broker.port", "sigmatiq.local-broker.fix-port");
    }

    @Test
    void gatewayGetsDemoUserAndARoutePerRoutedService() {
        LocalService gateway = LocalServices.ALL.get(0);

        Map<String, String> p = LocalMode.propertiesFor(gateway, LocalServices.ALL, PLATFORM);

        assertThat(p).containsEntry("server.port", "8080")
                .containsEntry(LocalMode.DEMO_USER_PROPERTY, "true")
                .containsEntry(LocalMode.OPERATORS_PROPERTY, LocalMode.DEMO_USERNAME)
                .containsEntry("sigmatiq.gateway.routes.packs", "http://localhost:8081")
                .containsEntry("sigmatiq.gateway.routes.models", "http://localhost:8082")
                .containsEntry("spring.datasource.url", "jdbc:postgresql://localhost:5432/sigmatiq?currentSchema=identity")
                .containsEntry("spring.kafka.bootstrap-servers", "localhost:9092")
                .containsEntry("sigmatiq.identity.key-encryption-secret", SECRET);
    }

    @Test
    void onlyTheGatewayGetsTheKeyEncryptionSecretAndOnlyWhenThereIsOne() {
        for (LocalService service : LocalServices.ALL.subList(1, LocalServices.ALL.size())) {
            assertThat(LocalMode.propertiesFor(service, LocalServices.ALL, PLATFORM))
                    .as(service.module()).doesNotContainKey(IdentitySecret.PROPERTY).doesNotContainValue(SECRET);
        }
        LocalMode.Platform legacy = new LocalMode.Platform("jdbc:x", "k:1", Path.of("/repo/packs"), null);
        assertThat(LocalMode.propertiesFor(LocalServices.ALL.get(0), LocalServices.ALL, legacy))
                .doesNotContainKey(IdentitySecret.PROPERTY);
        assertThat(PLATFORM.toString()).doesNotContain(SECRET);
    }

    @Test
    void servicesGetTheirPortTheGatewayJwksAndNoGatewayOnlyProperties() {
        LocalService models = LocalServices.ALL.stream().filter(s -> s.module().equals("model-service")).findFirst().orElseThrow();

        Map<String, String> p = LocalMode.propertiesFor(models, LocalServices.ALL, PLATFORM);

        assertThat(p).containsEntry("server.port", "8082")
                .containsEntry("spring.datasource.url", "jdbc:postgresql://localhost:5432/sigmatiq?currentSchema=model")
                .containsEntry("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                        "http://localhost:8080/.well-known/jwks.json")
                .containsEntry("sigmatiq.services.pack-service", "http://localhost:8081")
                .containsEntry("sigmatiq.packs.dir", Path.of("/repo/packs").toString())
                .containsEntry("sigmatiq.identity.token-uri", "http://localhost:8080/api/auth/service-token")
                .containsEntry("sigmatiq.identity.service-secret", PLATFORM.serviceSecret())
                .doesNotContainKey(LocalMode.DEMO_USER_PROPERTY)
                .doesNotContainKey(LocalMode.OPERATORS_PROPERTY)
                .doesNotContainKey("sigmatiq.gateway.routes.models");
    }

    @Test
    void everyServiceAndTheGatewayShareOneServiceSecretNewOnEveryStart() {
        for (LocalService s : LocalServices.ALL) {
            assertThat(LocalMode.propertiesFor(s, LocalServices.ALL, PLATFORM))
                    .containsEntry("sigmatiq.identity.service-secret", PLATFORM.serviceSecret());
        }
        assertThat(PLATFORM.serviceSecret()).hasSize(64);
        assertThat(new LocalMode.Platform("jdbc:x", "k:1", Path.of("/repo/packs"), null).serviceSecret())
                .isNotEqualTo(PLATFORM.serviceSecret());
        assertThat(PLATFORM.toString()).doesNotContain(PLATFORM.serviceSecret());
    }

    @Test
    void aLaterServiceJoinsWithOneLine() {
        List<LocalService> extended = new java.util.ArrayList<>(LocalServices.ALL);
        extended.add(LocalService.service("sweep-service", "com.sigmatiq.sweep.SweepServiceApplication", 8084, "sweep")
                .routedAs("sweeps"));

        assertThat(LocalMode.propertiesFor(extended.get(0), extended, PLATFORM))
                .containsEntry("sigmatiq.gateway.routes.sweeps", "http://localhost:8084");
        assertThat(LocalMode.propertiesFor(extended.get(2), extended, PLATFORM))
                .containsEntry("sigmatiq.services.sweep-service", "http://localhost:8084");
    }

    @Test
    void servicesOnOtherPortsAreFoundThere() {
        List<LocalService> moved = LocalServices.ALL.stream().map(s -> s.withPort(s.port() + 1000)).toList();
        LocalService models = moved.stream().filter(s -> s.module().equals("model-service")).findFirst().orElseThrow();

        assertThat(LocalMode.propertiesFor(models, moved, PLATFORM))
                .containsEntry("server.port", "9082")
                .containsEntry("sigmatiq.services.pack-service", "http://localhost:9081")
                .containsEntry("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                        "http://localhost:9080/.well-known/jwks.json");
        assertThat(LocalMode.propertiesFor(moved.get(0), moved, PLATFORM))
                .containsEntry("sigmatiq.gateway.routes.models", "http://localhost:9082");
    }

    @Test
    void refusesAPortOutOfRange() {
        assertThatThrownBy(() -> LocalService.service("x", "com.sigmatiq.X", 70000, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesOptions() {
        var o = LocalMode.Options.parse("--root=/tmp/r");
        assertThat(o.root()).hasToString("/tmp/r");
        assertThat(o.dataDirectory()).hasToString("/tmp/r/.sigmatiq");
        assertThat(o.postgresDirectory()).hasToString("/tmp/r/.sigmatiq/postgres");
        assertThat(o.identitySecretFile()).hasToString("/tmp/r/.sigmatiq/identity-secret");
        assertThat(LocalMode.Options.parse("--root=/tmp/r", "--data=/srv/sq").postgresDirectory())
                .hasToString("/srv/sq/postgres");
        assertThat(o.kafkaPort()).isEqualTo(9092);
        assertThatThrownBy(() -> LocalMode.Options.parse("--nope")).hasMessageContaining("--root=DIR");
    }
}
