package com.sigmatiq.sweep;

import com.sigmatiq.kit.web.testing.ServiceLayering;
import org.junit.jupiter.api.Test;

/** sweep-service's layers: web → domain ← persistence, messaging, client; no cycles; nothing of other services. */
class LayeringTest {

    @Test
    void layersAsTheKitPrescribes() {
        ServiceLayering.check("sweep");
    }
}
