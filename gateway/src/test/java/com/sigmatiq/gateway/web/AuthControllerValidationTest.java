package com.sigmatiq.gateway.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import com.sigmatiq.gateway.config.SecurityTestImports;
import com.sigmatiq.gateway.domain.AccountService;
import com.sigmatiq.gateway.domain.LoginThrottle;
import com.sigmatiq.gateway.domain.InvalidCredentialsException;
import com.sigmatiq.gateway.domain.ServiceAccounts;
import com.sigmatiq.gateway.domain.TokenIssuer;
import com.sigmatiq.gateway.domain.UserAccount;
import com.sigmatiq.gateway.domain.UsernameTakenException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Slice test of {@link AuthController}: validation and domain errors as problem details, through the real security chain. */
@WebMvcTest(controllers = AuthController.class)
@Import(SecurityTestImports.class)
class AuthControllerValidationTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccountService accounts;

    @MockitoBean
    TokenIssuer tokens;

    @MockitoBean
    ServiceAccounts services;

    @MockitoBean
    LoginThrottle throttle;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void invalidRegistrationNamesEveryField() throws Exception {
        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"Al!\",\"password\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("username", "password")))
                .andExpect(jsonPath("$.errors[?(@.field == 'password')].message").value("must be 8 to 72 characters"));
        verifyNoInteractions(accounts);
    }

    @Test
    void missingFieldsAreNamed() throws Exception {
        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("username", "password")));
        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"alice\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("password")));
    }

    @Test
    void usernameRulesAreEnforced() throws Exception {
        for (String bad : new String[] {"ab", "a".repeat(41), "Alice", "al ice", "al/ice"}) {
            mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"username\":\"" + bad + "\",\"password\":\"long-enough\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("username"));
        }
    }

    @Test
    void malformedJsonIsAProblemWithoutInternals() throws Exception {
        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON).content("{\"username\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(not(containsString("tools.jackson"))))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void validRegistrationAnswers201InSnakeCase() throws Exception {
        UUID id = UUID.randomUUID();
        when(accounts.register("alice", "long-enough"))
                .thenReturn(new UserAccount(id, "alice", "$2a$hash", Instant.now()));
        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"alice\",\"password\":\"long-enough\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.user_id").value(id.toString()))
                .andExpect(jsonPath("$.username").value("alice"))
                .andExpect(jsonPath("$.password_hash").doesNotExist());
    }

    @Test
    void duplicateIs409AndWrongPasswordIs401() throws Exception {
        when(accounts.register(any(), any())).thenThrow(new UsernameTakenException("alice"));
        mvc.perform(post("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"alice\",\"password\":\"long-enough\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("username"));

        when(accounts.authenticate(any(), any())).thenThrow(new InvalidCredentialsException());
        mvc.perform(post("/api/auth/login").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"alice\",\"password\":\"wrong-password\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("invalid username or password"));
    }

    @Test
    void aStaleTokenDoesNotBlockLogin() throws Exception {
        when(accounts.authenticate(any(), any())).thenThrow(new InvalidCredentialsException());
        mvc.perform(post("/api/auth/login").header("Authorization", "Bearer not-a-token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"alice\",\"password\":\"wrong-password\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("WWW-Authenticate"));
        verifyNoInteractions(jwtDecoder);
    }
}
