package com.sigmatiq.localbroker.messaging;

import com.sigmatiq.contracts.marketdata.BarClosed;
import com.sigmatiq.localbroker.domain.Bar;
import com.sigmatiq.localbroker.domain.Exchange;
import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code market.bars.<timeframe>} topic (group {@code local-broker}, from the latest offset: only bars that close
 * from now on fill orders). The envelope is read as plain JSON: the broker plays the outside world and has no part of
 * the services' kit.
 */
@Component
class BarListener {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Exchange exchange;

    BarListener(Exchange exchange) {
        this.exchange = exchange;
    }

    @KafkaListener(id = "local-broker-bars", topicPattern = "market\\.bars\\..+", groupId = "local-broker",
            properties = {"auto.offset.reset=latest", "metadata.max.age.ms=5000"})
    void onBar(String record) {
        bar(record).ifPresent(exchange::bar);
    }

    /** The bar in a {@code market.bar.closed} envelope; empty for any other record. */
    static java.util.Optional<Bar> bar(String record) {
        JsonNode e = JSON.readTree(record);
        if (!BarClosed.TYPE.equals(e.path("type").asString(null))) {
            return java.util.Optional.empty();
        }
        JsonNode p = e.path("payload");
        String replay = p.path("replay_id").asString(null);
        return java.util.Optional.of(new Bar(replay == null ? "live" : replay, p.path("ticker").asString(),
                p.path("timeframe").asString(), Instant.parse(p.path("start").asString()), p.path("open").asDouble(),
                p.path("high").asDouble(), p.path("low").asDouble(), p.path("close").asDouble()));
    }
}
