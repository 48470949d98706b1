package com.sigmatiq.clients;

import com.sigmatiq.engine.data.BarCsvReader;
import com.sigmatiq.engine.data.BarSeries;
import com.sigmatiq.engine.data.ExchangeCalendar;
import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.kit.identity.ServiceTokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * pack-, training- and market-data-service over HTTP with this service's own token ({@link ServiceTokens}, role
 * {@code service}; no user is at hand when a bar or an alert arrives): {@code GET /packs/{id}/versions/{v}/files},
 * {@code GET /training/internal/trained-models/{id}?owner_id=}, {@code GET /series} and
 * {@code GET /bars/{ticker}?…&extended=true&format=csv}, and alert-service's
 * {@code GET /alerts/internal/publications/{id}/progress}. A failed call throws {@link IllegalStateException} naming
 * what could not be read.
 */
public class PlatformServices {

    private final String name;
    private final RestClient packs;
    private final RestClient training;
    private final RestClient marketData;
    private final RestClient alerts;
    private final ObjectProvider<ServiceTokens> tokens;
    private final JsonMapper json;

    /** A trained model's artifact files by name, and its record as training-service answers it. */
    public record TrainedArtifacts(Map<String, byte[]> files, JsonNode trainedModel) {

        /** The trained model's {@code sharpe_backtest}, or null. */
        public Double sharpeBacktest() {
            JsonNode s = trainedModel.path("sharpe_backtest");
            return s.isNumber() ? s.asDouble() : null;
        }
    }

    /** @param name this service's name, in the error when it has no token */
    public PlatformServices(String name, RestClient.Builder builder, ServiceEndpoints endpoints,
                            ObjectProvider<ServiceTokens> tokens, JsonMapper json) {
        this.name = name;
        this.packs = builder.clone().baseUrl(endpoints.packService().toString()).build();
        this.training = builder.clone().baseUrl(endpoints.trainingService().toString()).build();
        this.marketData = builder.clone().baseUrl(endpoints.marketDataService().toString()).build();
        this.alerts = builder.clone().baseUrl(endpoints.alertService().toString()).build();
        this.tokens = tokens;
        this.json = json;
    }

    private String token() {
        ServiceTokens t = tokens.getIfAvailable();
        if (t == null) {
            throw new IllegalStateException(name + " has no service token: set sigmatiq.identity.service-secret");
        }
        return t.token();
    }

    /** A pack version's files by name. */
    public Map<String, String> packFiles(String packId, String version) {
        try {
            JsonNode body = packs.get().uri("/packs/{id}/versions/{v}/files", packId, version)
                    .headers(h -> h.setBearerAuth(token())).retrieve().body(JsonNode.class);
            return json.convertValue(body.get("files"), new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (RestClientException e) {
            throw new IllegalStateException("pack " + packId + " " + version + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * How far alert-service has got with a published model: the first bar it decided on, the bar time up to which every
     * alert is stored (each null before the first is stored) and the ids of its alerts of bars up to {@code through}.
     */
    public record AlertProgress(Instant decidedFrom, Instant evaluatedThrough, java.util.List<String> alertIds) {
    }

    /** alert-service's {@link AlertProgress} of a published model. */
    public AlertProgress alertProgress(String publishedId, Instant through) {
        try {
            JsonNode body = alerts.get().uri(u -> u.path("/alerts/internal/publications/{id}/progress")
                            .queryParam("through", through.toString()).build(publishedId))
                    .headers(h -> h.setBearerAuth(token())).retrieve().body(JsonNode.class);
            JsonNode at = body.path("evaluated_through");
            JsonNode from = body.path("decided_from");
            java.util.List<String> ids = new java.util.ArrayList<>();
            body.path("alert_ids").forEach(id -> ids.add(id.asString()));
            return new AlertProgress(from.isString() ? Instant.parse(from.asString()) : null,
                    at.isString() ? Instant.parse(at.asString()) : null, ids);
        } catch (RestClientException e) {
            throw new IllegalStateException("alert-service's progress of " + publishedId + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** A user's trained model: its artifacts and its record. */
    public TrainedArtifacts trainedModel(String ownerId, String trainedModelId) {
        try {
            JsonNode body = training.get().uri(u -> u.path("/training/internal/trained-models/{id}")
                            .queryParam("owner_id", ownerId).build(trainedModelId))
                    .headers(h -> h.setBearerAuth(token())).retrieve().body(JsonNode.class);
            Map<String, byte[]> files = new LinkedHashMap<>();
            body.path("artifacts").properties()
                    .forEach(e -> files.put(e.getKey(), Base64.getDecoder().decode(e.getValue().asString())));
            return new TrainedArtifacts(files, body.path("trained_model"));
        } catch (RestClientException e) {
            throw new IllegalStateException("trained model " + trainedModelId + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Every stored bar of sessions {@code from..to} (inclusive), extended hours included; empty when none. */
    public BarSeries bars(String ticker, Timeframe tf, LocalDate from, LocalDate to) {
        try {
            byte[] csv = marketData.get().uri(u -> u.path("/bars/{ticker}").queryParam("timeframe", tf.label())
                            .queryParam("from", from).queryParam("to", to).queryParam("extended", true)
                            .queryParam("format", "csv").build(ticker))
                    .headers(h -> h.setBearerAuth(token())).retrieve().body(byte[].class);
            return BarCsvReader.read(new InputStreamReader(new ByteArrayInputStream(csv == null ? new byte[0] : csv),
                    StandardCharsets.UTF_8), "bars of " + ticker, new BarCsvReader.Options(ticker, ExchangeCalendar.NEW_YORK,
                    ZoneOffset.UTC, false, tf));
        } catch (RestClientException e) {
            throw new IllegalStateException("bars of " + ticker + " cannot be read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first session the ticker has bars of (any timeframe stored), or null. */
    public LocalDate firstSession(String ticker) {
        JsonNode series;
        try {
            series = marketData.get().uri("/series").headers(h -> h.setBearerAuth(token())).retrieve().body(JsonNode.class);
        } catch (RestClientException e) {
            throw new IllegalStateException("market-data-service cannot list its series: " + e.getMessage(), e);
        }
        LocalDate first = null;
        for (JsonNode s : series) {
            if (ticker.equalsIgnoreCase(s.path("ticker").asString()) && s.hasNonNull("first")) {
                LocalDate d = Instant.parse(s.get("first").asString()).atZone(ExchangeCalendar.NEW_YORK).toLocalDate();
                first = first == null || d.isBefore(first) ? d : first;
            }
        }
        return first;
    }
}
