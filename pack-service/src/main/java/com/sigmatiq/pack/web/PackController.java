package com.sigmatiq.pack.web;

import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.strategy.StrategyConfig;
import com.sigmatiq.kit.web.security.CurrentUser;
import com.sigmatiq.pack.domain.PackCatalogue;
import com.sigmatiq.pack.domain.PackNotFoundException;
import com.sigmatiq.pack.domain.PackSummary;
import com.sigmatiq.pack.domain.PackVersion;
import com.sigmatiq.pack.domain.PackVersionSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The pack catalogue API. Every authenticated user reads every pack; uploads record the uploader. */
@RestController
@RequestMapping("/packs")
@Tag(name = "packs", description = "Strategy packs and their immutable versions")
class PackController {

    /** RFC 9512 media type of the raw pack files. */
    static final MediaType YAML = new MediaType("application", "yaml", StandardCharsets.UTF_8);

    private final PackCatalogue catalogue;

    PackController(PackCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "List packs", description = "Every pack with its latest version, description and strategy ids.")
    List<PackSummary> list() {
        return catalogue.packs();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Latest version of a pack, as structured JSON")
    @ApiResponse(responseCode = "404", description = "Unknown pack", content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    PackContent latest(@PathVariable String id) {
        return content(catalogue.latest(id));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Versions of a pack, newest first")
    List<PackVersionSummary> versions(@PathVariable String id) {
        return catalogue.versions(id);
    }

    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "One version of a pack, as structured JSON")
    PackContent version(@PathVariable String id, @PathVariable String version) {
        return content(catalogue.version(id, version));
    }

    @GetMapping("/{id}/versions/{version}/files")
    @Operation(summary = "A version's exact files, by name",
            description = "For services that rebuild the engine's Pack: PackLoader.load(files) gives the same pack "
                    + "and content_hash. Response: {pack_id, version, content_hash, files: {\"pack.yaml\": \"...\", ...}}.")
    PackFiles files(@PathVariable String id, @PathVariable String version) {
        PackVersion v = catalogue.version(id, version);
        return new PackFiles(v.packId(), v.version(), v.contentHash(), v.files());
    }

    @GetMapping("/{id}/versions/{version}/strategies/{strategy}/parameters")
    @Operation(summary = "The keys a model of this strategy may override, with the pack's defaults",
            description = "The keys parameter_overrides and a sweep's parameters accept (fixed keys, then <indicator>_<param>),"
                    + " in canonical order, each with its default for this strategy.")
    StrategyParameters parameters(@PathVariable String id, @PathVariable String version, @PathVariable String strategy) {
        Pack pack = catalogue.load(catalogue.version(id, version));
        if (pack.strategy(strategy).isEmpty()) {
            throw new PackNotFoundException("pack '" + id + "' version " + version + " has no strategy '" + strategy
                    + "'; its strategies are " + String.join(", ", pack.strategyIds()));
        }
        Map<String, Object> defaults = StrategyConfig.defaults(pack, strategy).toMap();
        List<StrategyParameters.Parameter> parameters = StrategyConfig.validKeys(pack).stream()
                .map(k -> new StrategyParameters.Parameter(k, defaults.get(k))).toList();
        return new StrategyParameters(id, version, strategy, parameters);
    }

    @GetMapping("/{id}/versions/{version}/files/{file}")
    @Operation(summary = "One file of a version, as written (application/yaml)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/yaml", schema = @Schema(type = "string")))
    ResponseEntity<String> file(@PathVariable String id, @PathVariable String version, @PathVariable String file) {
        return ResponseEntity.ok().contentType(YAML).body(catalogue.file(id, version, file));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // documents 201; the answer itself is the ResponseEntity below
    @Operation(summary = "Upload a new pack or a new version (JSON)",
            description = "Body {\"files\": {\"pack.yaml\": \"...\", ...}} with the six pack files. 201 with Location when stored; "
                    + "200 when the same version is already stored with the same content; 409 when it is stored with other "
                    + "content; 400 with errors [{file, line, column, message}] when the engine rejects the pack.")
    ResponseEntity<PackContent> uploadJson(@RequestBody PackUpload upload, CurrentUser user) {
        if (upload == null || upload.files() == null || upload.files().isEmpty()) {
            throw new InvalidUploadException("files", "the body needs 'files': the pack files by name (pack.yaml, indicators.yaml, "
                    + "features.yaml, strategies.yaml, gates.yaml, policies.yaml)");
        }
        return register(upload.files(), user);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED) // documents 201; the answer itself is the ResponseEntity below
    @Operation(summary = "Upload a new pack or a new version (multipart)",
            description = "One part per pack file, named by its file name (pack.yaml, indicators.yaml, ...). Same answers as the JSON upload.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema = @Schema(implementation = MultipartPack.class)))
    ResponseEntity<PackContent> uploadMultipart(MultipartHttpServletRequest request, CurrentUser user) {
        Map<String, String> files = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0) {
                files.put(name, values[0]);
            }
        });
        for (Map.Entry<String, MultipartFile> part : request.getFileMap().entrySet()) {
            try {
                files.put(part.getKey(), new String(part.getValue().getBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new InvalidUploadException(part.getKey(), "cannot read part '" + part.getKey() + "'");
            }
        }
        if (files.isEmpty()) {
            throw new InvalidUploadException("pack.yaml", "the request has no parts; send one part per pack file, named by its file name");
        }
        return register(files, user);
    }

    /** OpenAPI shape of the multipart upload: one file part per pack file. */
    @Schema(name = "MultipartPack")
    record MultipartPack(
            @Schema(name = "pack.yaml", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String packYaml,
            @Schema(name = "indicators.yaml", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String indicatorsYaml,
            @Schema(name = "features.yaml", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String featuresYaml,
            @Schema(name = "strategies.yaml", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String strategiesYaml,
            @Schema(name = "gates.yaml", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String gatesYaml,
            @Schema(name = "policies.yaml", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String policiesYaml) {
    }

    private ResponseEntity<PackContent> register(Map<String, String> files, CurrentUser user) {
        var r = catalogue.register(files, user.id());
        PackContent body = PackContent.of(r.version(), r.pack());
        if (r.outcome() == PackCatalogue.Outcome.UNCHANGED) {
            return ResponseEntity.ok(body);
        }
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{id}/versions/{version}")
                .buildAndExpand(r.version().packId(), r.version().version())
                .toUri();
        return ResponseEntity.status(HttpStatus.CREATED).location(location).body(body);
    }

    private PackContent content(PackVersion v) {
        return PackContent.of(v, catalogue.load(v));
    }
}
