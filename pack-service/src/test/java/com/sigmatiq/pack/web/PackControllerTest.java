package com.sigmatiq.pack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackError;
import com.sigmatiq.engine.pack.PackLoader;
import com.sigmatiq.engine.pack.PackValidationException;
import com.sigmatiq.pack.domain.PackCatalogue;
import com.sigmatiq.pack.domain.PackMetadata;
import com.sigmatiq.pack.domain.PackNotFoundException;
import com.sigmatiq.pack.domain.PackSummary;
import com.sigmatiq.pack.domain.PackVersion;
import com.sigmatiq.pack.domain.PackVersionConflictException;
import com.sigmatiq.pack.domain.PackVersionSummary;
import com.sigmatiq.pack.support.RepositoryPacks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The controller and its error mapping, with the catalogue mocked and a real swingsigma {@link Pack}. */
@WebMvcTest(PackController.class)
class PackControllerTest {

    private static final String USER = "0b7f7c38-3b1e-4c5a-9a57-2f0c1f3e6d11";
    private static final Map<String, String> FILES = RepositoryPacks.swingsigma();
    private static final Pack PACK = PackLoader.load(FILES);
    private static final PackVersion STORED = new PackVersion("swingsigma", "1.0.0", PACK.contentHash(), FILES,
            PackMetadata.of(PACK), null, Instant.parse("2026-01-02T03:04:05Z"));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PackCatalogue catalogue;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void listGivesIdNameLatestVersionDescriptionAndStrategiesInSnakeCase() throws Exception {
        when(catalogue.packs()).thenReturn(List.of(new PackSummary("swingsigma", "Swing Sigma", "1.0.0",
                "2-10 day swing trading strategies for stocks and options", PACK.strategyIds())));

        mvc.perform(get("/packs").with(jwt().jwt(j -> j.subject(USER))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("swingsigma"))
                .andExpect(jsonPath("$[0].name").value("Swing Sigma"))
                .andExpect(jsonPath("$[0].latest_version").value("1.0.0"))
                .andExpect(jsonPath("$[0].description").value("2-10 day swing trading strategies for stocks and options"))
                .andExpect(jsonPath("$[0].strategies[0]").value("momentum_swing"))
                .andExpect(jsonPath("$[0].strategies", hasSize(3)));
    }

    @Test
    void latestGivesTheWholePackAsStructuredJson() throws Exception {
        when(catalogue.latest("swingsigma")).thenReturn(STORED);
        when(catalogue.load(STORED)).thenReturn(PACK);

        mvc.perform(get("/packs/swingsigma").with(jwt()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("swingsigma"))
                .andExpect(jsonPath("$.version").value("1.0.0"))
                .andExpect(jsonPath("$.content_hash").value(PACK.contentHash()))
                .andExpect(jsonPath("$.created_at").value("2026-01-02T03:04:05Z"))
                .andExpect(jsonPath("$.pack.name").value("Swing Sigma"))
                .andExpect(jsonPath("$.pack.supported_instruments[1]").value("options"))
                .andExpect(jsonPath("$.indicators", hasSize(10)))
                .andExpect(jsonPath("$.indicators[0].id").value("rsi"))
                .andExpect(jsonPath("$.indicators[0].kind").value("rsi"))
                .andExpect(jsonPath("$.indicators[0].category").value("momentum"))
                .andExpect(jsonPath("$.indicators[0].params.period").value(14))
                .andExpect(jsonPath("$.indicators[3].kind").value("ema"))
                .andExpect(jsonPath("$.indicators[3].outputs[0]").value("ema_20"))
                .andExpect(jsonPath("$.indicators[6].params.std_dev").value(2))
                .andExpect(jsonPath("$.indicators[8].params.cumulative").value(true))
                .andExpect(jsonPath("$.features[1].id").value("macd_cross"))
                .andExpect(jsonPath("$.features[1].calculation").value("macd_line > signal_line"))
                .andExpect(jsonPath("$.features[1].type").value("boolean"))
                .andExpect(jsonPath("$.features[2].type").value("number"))
                .andExpect(jsonPath("$.strategies[0].id").value("momentum_swing"))
                .andExpect(jsonPath("$.strategies[0].entry_logic[0].rule").value("rsi > 50 AND rsi < 70"))
                .andExpect(jsonPath("$.strategies[0].entry_logic[0].weight").value(1))
                .andExpect(jsonPath("$.strategies[0].exit_logic", hasSize(3)))
                .andExpect(jsonPath("$.gates.quality.min_trades").value(30))
                .andExpect(jsonPath("$.gates.quality.min_sharpe").value(0.7))
                .andExpect(jsonPath("$.gates.execution.max_spread_pct").value(1))
                .andExpect(jsonPath("$.policies.execution.order_type").value("limit"))
                .andExpect(jsonPath("$.policies.position_sizing.max_positions").value(10))
                .andExpect(jsonPath("$.policies.risk_management.stop_loss_pct").value(8))
                .andExpect(jsonPath("$.policies.risk_management.trailing_stop_pct").value(5));
    }

    @Test
    void versionsAreListedWithHashUploaderAndTime() throws Exception {
        when(catalogue.versions("swingsigma")).thenReturn(List.of(
                new PackVersionSummary("swingsigma", "1.1.0", "ab".repeat(32), USER, Instant.parse("2026-02-01T00:00:00Z")),
                STORED.summary()));

        mvc.perform(get("/packs/swingsigma/versions").with(jwt()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].pack_id").value("swingsigma"))
                .andExpect(jsonPath("$[0].version").value("1.1.0"))
                .andExpect(jsonPath("$[0].uploaded_by").value(USER))
                .andExpect(jsonPath("$[1].content_hash").value(PACK.contentHash()))
                .andExpect(jsonPath("$[1].uploaded_by").doesNotExist());
    }

    @Test
    void oneFileComesBackAsRawYamlAndAllFilesAsAMap() throws Exception {
        when(catalogue.file("swingsigma", "1.0.0", "gates.yaml")).thenReturn(FILES.get("gates.yaml"));
        when(catalogue.version("swingsigma", "1.0.0")).thenReturn(STORED);

        var raw = mvc.perform(get("/packs/swingsigma/versions/1.0.0/files/gates.yaml").with(jwt()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/yaml"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(raw).isEqualTo(FILES.get("gates.yaml"));

        mvc.perform(get("/packs/swingsigma/versions/1.0.0/files").with(jwt()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pack_id").value("swingsigma"))
                .andExpect(jsonPath("$.content_hash").value(PACK.contentHash()))
                .andExpect(jsonPath("$.files['pack.yaml']").value(FILES.get("pack.yaml")))
                .andExpect(jsonPath("$.files['policies.yaml']").value(FILES.get("policies.yaml")));
    }

    @Test
    void aStrategysOverridableKeysComeWithThePacksDefaults() throws Exception {
        when(catalogue.version("swingsigma", "1.0.0")).thenReturn(STORED);
        when(catalogue.load(STORED)).thenReturn(PACK);
        var defaults = com.sigmatiq.engine.strategy.StrategyConfig.defaults(PACK, "momentum_swing");
        var keys = com.sigmatiq.engine.strategy.StrategyConfig.validKeys(PACK);

        mvc.perform(get("/packs/swingsigma/versions/1.0.0/strategies/momentum_swing/parameters").with(jwt()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.strategy_id").value("momentum_swing"))
                .andExpect(jsonPath("$.parameters.length()").value(keys.size()))
                .andExpect(jsonPath("$.parameters[0].key").value("threshold"))
                .andExpect(jsonPath("$.parameters[?(@.key == 'stop_loss_pct')].default_value")
                        .value(defaults.stopLossPct()))
                .andExpect(jsonPath("$.parameters[?(@.key == 'rsi_period')].default_value")
                        .value((int) defaults.params("rsi")[0]));

        mvc.perform(get("/packs/swingsigma/versions/1.0.0/strategies/nope/parameters").with(jwt()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("momentum_swing")));
    }

    @Test
    void unknownPackIsA404ProblemDetail() throws Exception {
        when(catalogue.latest("nope")).thenThrow(new PackNotFoundException("no pack 'nope'"));

        mvc.perform(get("/packs/nope").with(jwt()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail").value("no pack 'nope'"))
                .andExpect(jsonPath("$.instance").value("/packs/nope"));
    }

    @Test
    void jsonUploadOfANewVersionIs201WithLocationAndRecordsTheUploader() throws Exception {
        PackVersion created = new PackVersion("swingsigma", "1.0.0", PACK.contentHash(), FILES, PackMetadata.of(PACK),
                USER, Instant.parse("2026-01-02T03:04:05Z"));
        when(catalogue.register(anyMap(), eq(USER)))
                .thenReturn(new PackCatalogue.Registration(PackCatalogue.Outcome.CREATED, created, PACK));

        mvc.perform(post("/packs").with(jwt().jwt(j -> j.subject(USER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"files\": {\"pack.yaml\": \"pack: {}\"}}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/packs/swingsigma/versions/1.0.0")))
                .andExpect(jsonPath("$.version").value("1.0.0"))
                .andExpect(jsonPath("$.uploaded_by").value(USER));
        verify(catalogue).register(Map.of("pack.yaml", "pack: {}"), USER);
    }

    @Test
    void reUploadOfTheSameContentIs200() throws Exception {
        when(catalogue.register(anyMap(), any()))
                .thenReturn(new PackCatalogue.Registration(PackCatalogue.Outcome.UNCHANGED, STORED, PACK));

        mvc.perform(post("/packs").with(jwt()).contentType(MediaType.APPLICATION_JSON).content("{\"files\": {\"a\": \"b\"}}"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(jsonPath("$.content_hash").value(PACK.contentHash()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void multipartUploadTakesFilePartsAndTextPartsByName() throws Exception {
        when(catalogue.register(anyMap(), eq(USER)))
                .thenReturn(new PackCatalogue.Registration(PackCatalogue.Outcome.CREATED, STORED, PACK));

        mvc.perform(multipart("/packs")
                        .file(new MockMultipartFile("pack.yaml", "pack.yaml", "application/yaml",
                                FILES.get("pack.yaml").getBytes(StandardCharsets.UTF_8)))
                        .file(new MockMultipartFile("gates.yaml", "gates.yaml", "application/yaml",
                                FILES.get("gates.yaml").getBytes(StandardCharsets.UTF_8)))
                        .param("policies.yaml", FILES.get("policies.yaml"))
                        .with(jwt().jwt(j -> j.subject(USER))))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", endsWith("/packs/swingsigma/versions/1.0.0")));

        ArgumentCaptor<Map<String, String>> files = ArgumentCaptor.forClass(Map.class);
        verify(catalogue).register(files.capture(), eq(USER));
        assertThat(files.getValue()).containsOnlyKeys("pack.yaml", "gates.yaml", "policies.yaml");
        assertThat(files.getValue().get("gates.yaml")).isEqualTo(FILES.get("gates.yaml"));
        assertThat(files.getValue().get("policies.yaml")).isEqualTo(FILES.get("policies.yaml"));
    }

    @Test
    void engineErrorsAre400WithFileLineColumnAndMessage() throws Exception {
        when(catalogue.register(anyMap(), any())).thenThrow(new PackValidationException(List.of(
                new PackError("indicators.yaml", 12, 13, "unknown indicator kind 'rsx'; did you mean rsi?"),
                new PackError("features.yaml", 0, 0, "missing: a pack needs ..."))));

        mvc.perform(post("/packs").with(jwt()).contentType(MediaType.APPLICATION_JSON).content("{\"files\": {\"a\": \"b\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid pack"))
                .andExpect(jsonPath("$.detail").value("The pack has 2 errors; nothing was stored."))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].file").value("indicators.yaml"))
                .andExpect(jsonPath("$.errors[0].line").value(12))
                .andExpect(jsonPath("$.errors[0].column").value(13))
                .andExpect(jsonPath("$.errors[0].message").value("unknown indicator kind 'rsx'; did you mean rsi?"))
                .andExpect(jsonPath("$.errors[1].line").value(0));
    }

    @Test
    void changedContentUnderAStoredVersionIs409() throws Exception {
        when(catalogue.register(anyMap(), any())).thenThrow(
                new PackVersionConflictException("swingsigma", "1.0.0", "aa".repeat(32), "bb".repeat(32)));

        mvc.perform(post("/packs").with(jwt()).contentType(MediaType.APPLICATION_JSON).content("{\"files\": {\"a\": \"b\"}}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.pack_id").value("swingsigma"))
                .andExpect(jsonPath("$.version").value("1.0.0"))
                .andExpect(jsonPath("$.stored_hash").value("aa".repeat(32)))
                .andExpect(jsonPath("$.offered_hash").value("bb".repeat(32)));
    }

    @Test
    void uploadsWithoutFilesOrWithBrokenJsonAre400ProblemDetails() throws Exception {
        mvc.perform(post("/packs").with(jwt()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid upload"))
                .andExpect(jsonPath("$.errors[0].field").value("files"));
        mvc.perform(post("/packs").with(jwt()).contentType(MediaType.APPLICATION_JSON).content("{\"files\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400));
        mvc.perform(post("/packs").with(jwt()).contentType(MediaType.TEXT_PLAIN).content("pack: {}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void unknownRoutesAndMethodsAreProblemDetailsToo() throws Exception {
        mvc.perform(get("/packs/swingsigma/somewhere/else/entirely").with(jwt()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/packs").with(jwt()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(405));
    }

    @Test
    void anUnexpectedFailureIsA500ProblemWithoutInternals() throws Exception {
        when(catalogue.packs()).thenThrow(new IllegalStateException("secret internals at com.example.Foo"));

        mvc.perform(get("/packs").with(jwt()))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Internal error"))
                .andExpect(content().string(not(containsString("secret"))))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    @Test
    void noTokenIs401ProblemWithBearerChallenge() throws Exception {
        mvc.perform(get("/packs"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("Unauthorized"));
        mvc.perform(post("/packs").contentType(MediaType.APPLICATION_JSON).content("{\"files\": {\"a\": \"b\"}}"))
                .andExpect(status().isUnauthorized());
    }
}
