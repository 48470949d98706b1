package com.sigmatiq.pilot.client.alpaca;

import com.sigmatiq.pilot.domain.Broker;
import com.sigmatiq.pilot.domain.BrokerAdapter;
import com.sigmatiq.pilot.domain.BrokerAdapterFactory;
import com.sigmatiq.pilot.domain.BrokerEvents;
import com.sigmatiq.pilot.domain.LiveAccount;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Opens an {@link AlpacaBrokerAdapter} per Alpaca account. */
@Component
class AlpacaBrokerAdapterFactory implements BrokerAdapterFactory {

    @Override
    public Broker broker() {
        return Broker.ALPACA;
    }

    @Override
    public BrokerAdapter open(LiveAccount account, Map<String, String> credentials, BrokerEvents events) {
        return new AlpacaBrokerAdapter(account, credentials, events, Duration.ofSeconds(1));
    }
}
