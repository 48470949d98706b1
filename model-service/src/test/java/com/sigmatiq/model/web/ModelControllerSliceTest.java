package com.sigmatiq.model.web;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.model.config.YamlConfiguration;
import com.sigmatiq.model.domain.CreateModelCommand;
import com.sigmatiq.model.domain.ModelConflictException;
import com.sigmatiq.model.domain.ModelNotFoundException;
import com.sigmatiq.model.domain.ModelService;
import com.sigmatiq.model.domain.ModelValidationException;
import com.sigmatiq.model.domain.PackUnavailableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The web layer alone: request mapping, owner from the token, problem details, YAML, with the service mocked. */
@WebMvcTest(ModelController.class)
@Import(YamlConfiguration.class)
class ModelControllerSliceTest {

    private static final String OWNER = "7d1c2b3a-0000-4000-8000-000000000001";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ModelService models;

    @Test
    void theOwnerIsTheTokenSubjectNotTheRequestsUserId() throws Exception {
        when(models.create(any())).thenThrow(new ModelValidationException(List.of(FieldError.of("ticker", "bad"))));
        mvc.perform(post("/models").with(jwt().jwt(j -> j.subject(OWNER))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"model_id\":\"m\",\"user_id\":\"user_12345\",\"ticker\":\"spy\"}"))
                .andExpect(status().isBadRequest());
        ArgumentCaptor<CreateModelCommand> c = ArgumentCaptor.forClass(CreateModelCommand.class);
        Mockito.verify(models).create(c.capture());
        org.assertj.core.api.Assertions.assertThat(c.getValue().ownerId()).isEqualTo(OWNER);
        org.assertj.core.api.Assertions.assertThat(c.getValue().ticker()).isEqualTo("spy");
    }

    @Test
    void validationErrorsAreProblemDetailsWithFieldsAndValidChoices() throws Exception {
        when(models.create(any())).thenThrow(new ModelValidationException(List.of(
                new FieldError("strategy_id", "unknown strategy 'x'", List.of("momentum_swing", "breakout_swing")),
                FieldError.of("parameter_overrides.rsi_period", "rsi_period must be from 2 to 100000, not 1"))));
        mvc.perform(post("/models").with(jwt()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Invalid model request"))
                .andExpect(jsonPath("$.detail").value("2 problems with the request"))
                .andExpect(jsonPath("$.errors[0].field").value("strategy_id"))
                .andExpect(jsonPath("$.errors[0].valid_choices", contains("momentum_swing", "breakout_swing")))
                .andExpect(jsonPath("$.errors[1].field").value("parameter_overrides.rsi_period"))
                .andExpect(jsonPath("$.errors[1].valid_choices").doesNotExist());
    }

    @Test
    void notFoundConflictAndUnavailableMapToTheirStatuses() throws Exception {
        when(models.get(eq(OWNER), eq("nope"))).thenThrow(new ModelNotFoundException("nope"));
        mvc.perform(get("/models/nope").with(jwt().jwt(j -> j.subject(OWNER))))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("no model 'nope'"));
        when(models.changeStatus(any(), any(), any())).thenThrow(new ModelConflictException("a model in status 'created' cannot move to 'live'"));
        mvc.perform(patch("/models/m/status").with(jwt()).contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"live\"}"))
                .andExpect(status().isConflict());
        mvc.perform(patch("/models/m/status").with(jwt()).contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"LIVE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].valid_choices", hasItems("created", "paper_trading", "retired")));
        when(models.list(any())).thenThrow(new PackUnavailableException("down", null));
        mvc.perform(get("/models").with(jwt())).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value("packs cannot be read right now; try again shortly"));
    }

    @Test
    void unexpectedErrorsAreA500ProblemWithoutInternals() throws Exception {
        when(models.list(any())).thenThrow(new IllegalStateException("secret internals"));
        mvc.perform(get("/models").with(jwt()))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value("An unexpected error occurred; it has been logged."))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret"))));
    }

    @Test
    void configIsJsonByDefaultAndYamlOnRequest() throws Exception {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("model", Map.of("id", "m"));
        config.put("features", List.of("macd_cross"));
        com.sigmatiq.model.domain.Model m = new com.sigmatiq.model.domain.Model(OWNER, "m", "swingsigma", "1.0.0", "n", null,
                "stocks", "SPY", "5m", "momentum_swing", List.of("rsi"), List.of("macd_cross"), "balanced", Map.of(), config,
                com.sigmatiq.model.domain.ModelStatus.CREATED, java.time.Instant.EPOCH, java.time.Instant.EPOCH);
        when(models.get(OWNER, "m")).thenReturn(m);
        mvc.perform(get("/models/m/config").with(jwt().jwt(j -> j.subject(OWNER))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("application/json")))
                .andExpect(jsonPath("$.features[0]").value("macd_cross"));
        mvc.perform(get("/models/m/config").with(jwt().jwt(j -> j.subject(OWNER))).accept("application/yaml"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("application/yaml")))
                .andExpect(content().string("model:\n  id: \"m\"\nfeatures:\n  - \"macd_cross\"\n"));
    }

    @Test
    void noTokenIs401() throws Exception {
        mvc.perform(get("/models")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
                .andExpect(jsonPath("$.status").value(401));
    }
}
