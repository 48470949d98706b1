package com.sigmatiq.pilot;

import com.sigmatiq.kit.web.testing.ServiceLayering;
import org.junit.jupiter.api.Test;

/** pilot-service's layers: web → domain ← persistence, messaging, client; no cycles; nothing of other services. */
class LayeringTest {

    @Test
    void layersAsTheKitPrescribes() {
        ServiceLayering.check("pilot");
    }
}
