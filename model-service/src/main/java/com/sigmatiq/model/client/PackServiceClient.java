package com.sigmatiq.model.client;

import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.pack.PackValidationException;
import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.model.config.ServiceEndpoints;
import com.sigmatiq.model.domain.PackCatalog;
import com.sigmatiq.model.domain.PackUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;

/**
 * Reads packs from pack-service ({@code GET /packs/{id}} for the latest version, {@code GET
 * /packs/{id}/versions/{version}/files} for the files), forwarding the caller's bearer token, and loads
 * them with the engine. Loaded packs are cached by content hash: pack-service is still asked every time
 * (so it decides what the caller may see), but the same files are parsed once.
 */
@Component
class PackServiceClient implements PackCatalog {

    private static final int MAX_CACHED = 64;

    private final RestClient rest;
    private final Map<String, Pack> loaded = new ConcurrentHashMap<>();

    PackServiceClient(RestClient.Builder builder, ServiceEndpoints endpoints) {
        this.rest = builder.clone()
                .baseUrl(endpoints.packService().toString())
                .requestInterceptor((request, body, execution) -> {
                    CurrentUser.current().ifPresent(user -> request.getHeaders().setBearerAuth(user.token()));
                    return execution.execute(request, body);
                })
                .build();
    }

    @Override
    public List<String> packIds() {
        try {
            JsonNode packs = get("/packs", JsonNode.class);
            List<String> ids = new ArrayList<>();
            if (packs != null && packs.isArray()) {
                packs.forEach(p -> {
                    if (p.hasNonNull("id")) {
                        ids.add(p.get("id").asString());
                    }
                });
            }
            return ids;
        } catch (PackUnavailableException e) {
            return List.of();
        }
    }

    @Override
    public Optional<String> latestVersion(String packId) {
        JsonNode pack = get("/packs/{id}", JsonNode.class, packId);
        if (pack == null) {
            return Optional.empty();
        }
        JsonNode version = pack.get("version");
        if (version == null || !version.isString()) {
            throw new PackUnavailableException("pack-service answered GET /packs/" + packId + " without a version", null);
        }
        return Optional.of(version.asString());
    }

    @Override
    public Optional<Pack> pack(String packId, String version) {
        PackFiles files = get("/packs/{id}/versions/{version}/files", PackFiles.class, packId, version);
        if (files == null || files.files() == null) {
            return Optional.empty();
        }
        String hash = PackLoader.contentHash(files.files());
        Pack pack = loaded.get(hash);
        if (pack == null) {
            try {
                pack = PackLoader.load(files.files());
            } catch (PackValidationException e) {
                throw new PackUnavailableException("pack " + packId + " " + version + " from pack-service does not load: "
                        + e.getMessage(), e);
            }
            if (loaded.size() >= MAX_CACHED) {
                loaded.clear();
            }
            loaded.put(hash, pack);
        }
        return Optional.of(pack);
    }

    /** The body, or null on 404. */
    private <T> T get(String uri, Class<T> type, Object... vars) {
        try {
            return rest.get().uri(uri, vars).retrieve().body(type);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return null;
            }
            throw new PackUnavailableException("pack-service answered " + e.getStatusCode().value() + " to GET " + uri, e);
        } catch (RestClientException e) {
            throw new PackUnavailableException("pack-service cannot be reached: " + e.getMessage(), e);
        }
    }

    /** Body of {@code GET /packs/{id}/versions/{version}/files}: file name → YAML text. */
    record PackFiles(Map<String, String> files) {
    }
}
