package com.sigmatiq.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    private final WebhookTargets shared = new WebhookTargets(false);

    @Test
    void aSharedDeploymentRefusesTheServicesOwnNetwork() {
        for (String url : new String[] {"http://127.0.0.1:8086/alerts", "http://localhost/x", "http://[::1]/x",
                "http://10.1.2.3/x", "http://172.16.0.9/x", "http://192.168.1.20/hook", "http://169.254.169.254/latest/meta-data",
                "http://[fe80::1]/x", "http://[fd12:3456::1]/x", "http://100.64.0.1/x", "http://0.0.0.0/x", "http://224.0.0.1/x"}) {
            assertThat(shared.refusal(url)).as(url).isPresent();
        }
        assertThat(shared.refusal("http://127.0.0.1/x").orElseThrow()).contains("127.0.0.1");
    }

    @Test
    void publicAddressesPass() {
        for (String url : new String[] {"https://93.184.216.34/hook", "http://8.8.8.8:8080/x", "http://[2001:4860:4860::8888]/x",
                "http://100.128.0.1/x", "http://172.32.0.1/x"}) {
            assertThat(shared.refusal(url)).as(url).isEmpty();
        }
    }

    @Test
    void aDeveloperMachineAllowsThem() {
        assertThat(new WebhookTargets(true).refusal("http://127.0.0.1:9000/hook")).isEmpty();
    }
}
