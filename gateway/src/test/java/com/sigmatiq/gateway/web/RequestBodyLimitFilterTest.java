package com.sigmatiq.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.sigmatiq.gateway.config.GatewayLimitsProperties;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RequestBodyLimitFilterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(
            new GatewayLimitsProperties(DataSize.ofBytes(100), DataSize.ofBytes(1000)), JSON);

    @Test
    void aBodyOverTheLimitByItsLengthIsA413ProblemNamingTheLimitAndGoesNowhere() throws Exception {
        MockHttpServletRequest request = post("application/json", 101, false);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("not passed on").isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("max_bytes").asLong()).isEqualTo(100);
        assertThat(problem.get("detail").asString()).contains("at most 100 bytes");
    }

    @Test
    void aChunkedBodyIsReadUpToTheLimitAndPassedOnWhole() throws Exception {
        MockHttpServletResponse tooBig = new MockHttpServletResponse();
        MockFilterChain refused = new MockFilterChain();
        filter.doFilter(post("application/json", 101, true), tooBig, refused);
        assertThat(tooBig.getStatus()).isEqualTo(413);
        assertThat(refused.getRequest()).isNull();

        AtomicReference<String> seen = new AtomicReference<>();
        MockFilterChain passed = new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                try {
                    seen.set(new String(((HttpServletRequest) req).getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        filter.doFilter(post("application/json", 100, true), new MockHttpServletResponse(), passed);
        assertThat(seen.get()).hasSize(100).isEqualTo("x".repeat(100));
    }

    @Test
    void uploadsHaveTheirOwnLimit() throws Exception {
        MockFilterChain passed = new MockFilterChain();
        filter.doFilter(post("multipart/form-data; boundary=b", 1000, false), new MockHttpServletResponse(), passed);
        assertThat(passed.getRequest()).isNotNull();

        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(post("multipart/form-data; boundary=b", 1001, false), response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(JSON.readTree(response.getContentAsString()).get("detail").asString()).contains("upload");
    }

    /** A POST of {@code size} bytes; chunked: without a length, as Tomcat shows a chunked body. */
    private static MockHttpServletRequest post(String type, int size, boolean chunked) {
        MockHttpServletRequest request = chunked ? new MockHttpServletRequest("POST", "/api/models") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        } : new MockHttpServletRequest("POST", "/api/models");
        request.setContentType(type);
        request.setContent("x".repeat(size).getBytes(StandardCharsets.UTF_8));
        if (chunked) {
            request.addHeader("Transfer-Encoding", "chunked");
        }
        return request;
    }
}
