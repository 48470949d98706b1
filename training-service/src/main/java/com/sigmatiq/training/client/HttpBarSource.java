package com.sigmatiq.training.client;

import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.training.config.ServiceEndpoints;
import com.sigmatiq.training.domain.BarSource;
import com.sigmatiq.training.domain.UpstreamUnavailableException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * market-data-service over HTTP with the caller's token: {@code GET /series} for what a ticker has (the series of
 * the model's timeframe, else the finest one the service aggregates from) and the bulk CSV
 * {@code GET /bars/{ticker}?timeframe=&from=&to=&extended=true&format=csv} (dates inclusive, ISO bar-start
 * times). Extended hours are asked for because exits and stops act on every bar the data has (DESIGN §4);
 * entries are still decided only inside the regular session.
 */
@Component
class HttpBarSource implements BarSource {

    private final RestClient rest;

    HttpBarSource(RestClient.Builder builder, ServiceEndpoints endpoints) {
        this.rest = builder.clone().baseUrl(endpoints.marketDataService().toString()).build();
    }

    @Override
    public Optional<Coverage> coverage(String ticker, Timeframe tf, String token) {
        JsonNode series;
        try {
            series = rest.get().uri("/series").headers(h -> h.setBearerAuth(token)).retrieve().body(JsonNode.class);
        } catch (RestClientException e) {
            throw new UpstreamUnavailableException("market-data-service cannot list its series: " + e.getMessage(), e);
        }
        if (series == null || !series.isArray()) {
            return Optional.empty();
        }
        return StreamSupport.stream(series.spliterator(), false)
                .filter(s -> ticker.equalsIgnoreCase(s.path("ticker").asString()) && s.hasNonNull("first") && s.hasNonNull("last"))
                .min(Comparator.comparingInt((JsonNode s) -> tf.label().equals(s.path("timeframe").asString()) ? 0 : 1)
                        .thenComparingLong(s -> millis(s.path("timeframe").asString())))
                .map(s -> new Coverage(date(s.get("first").asString()), date(s.get("last").asString())));
    }

    @Override
    public byte[] csv(String ticker, Timeframe tf, LocalDate from, LocalDate to, String token) {
        try {
            byte[] body = rest.get().uri(u -> u.path("/bars/{ticker}").queryParam("timeframe", tf.label())
                            .queryParam("from", from).queryParam("to", to).queryParam("extended", true)
                            .queryParam("format", "csv").build(ticker))
                    .headers(h -> h.setBearerAuth(token)).retrieve().body(byte[].class);
            return body == null ? new byte[0] : body;
        } catch (RestClientException e) {
            throw new UpstreamUnavailableException("bars of " + ticker + " cannot be read from market-data-service: "
                    + e.getMessage(), e);
        }
    }

    private static long millis(String tf) {
        try {
            return Timeframe.parse(tf).millis();
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    private static LocalDate date(String instant) {
        return Instant.parse(instant).atZone(BarSeries.NEW_YORK).toLocalDate();
    }
}
