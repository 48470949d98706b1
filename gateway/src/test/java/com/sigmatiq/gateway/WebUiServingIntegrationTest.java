package com.sigmatiq.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sigmatiq.testinfra.SigmatiqIntegrationTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web UI from the {@code web-ui} jar: {@code /} and every screen's URL answer the app's index.html to a browser,
 * its assets are served, and API paths, files and non-browser requests are never mistaken for a screen.
 */
@SigmatiqIntegrationTest(properties = GatewayHttp.TEST_SECRET)
class WebUiServingIntegrationTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort
    int port;

    GatewayHttp http;

    @BeforeEach
    void setUp() {
        http = new GatewayHttp(port);
    }

    private HttpResponse<String> browse(String path) {
        return http.send(http.request(path).header("Accept", HTML).GET().build());
    }

    @Test
    void theRootIsTheAppAndItsScriptIsServed() {
        HttpResponse<String> root = browse("/");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(root.body()).contains("<div id=\"root\"></div>");

        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(root.body());
        assertThat(script.find()).as("index.html names its module script").isTrue();
        HttpResponse<String> js = http.get(script.group(1));
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    }

    @Test
    void deepLinksOfScreensAnswerTheAppWithoutAToken() {
        for (String path : new String[] {"/login", "/models/spy_swing_momentum_v1", "/sweeps/abc/leaderboard",
                "/sweeps/abc/results/15", "/market-data"}) {
            HttpResponse<String> page = browse(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<div id=\"root\"></div>");
            assertThat(page.headers().firstValue("Cache-Control").orElse("")).as(path).contains("no-cache");
        }
    }

    @Test
    void apiPathsFilesAndNonBrowserRequestsAreNotScreens() {
        HttpResponse<String> api = browse("/api/nosuch/thing");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).doesNotContain("id=\"root\"");

        assertThat(browse("/assets/missing-file.js").statusCode()).isEqualTo(404);
        assertThat(browse("/no-such-file.png").statusCode()).isNotEqualTo(200);
        // a script's fetch (Accept: application/json) of a screen path is not answered with the page
        assertThat(http.send(http.request("/models/x").header("Accept", "application/json").GET().build()).statusCode())
                .isEqualTo(401);
    }
}
