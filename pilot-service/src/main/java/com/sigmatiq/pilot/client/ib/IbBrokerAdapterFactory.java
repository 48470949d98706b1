package com.sigmatiq.pilot.client.ib;

import com.sigmatiq.pilot.domain.Broker;
import com.sigmatiq.pilot.domain.BrokerAdapter;
import com.sigmatiq.pilot.domain.BrokerAdapterFactory;
import com.sigmatiq.pilot.domain.BrokerEvents;
import com.sigmatiq.pilot.domain.LiveAccount;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Opens an {@link IbBrokerAdapter} per Interactive Brokers account. */
@Component
class IbBrokerAdapterFactory implements BrokerAdapterFactory {

    @Override
    public Broker broker() {
        return Broker.INTERACTIVE_BROKERS;
    }

    @Override
    public BrokerAdapter open(LiveAccount account, Map<String, String> credentials, BrokerEvents events) {
        return new IbBrokerAdapter(account, events, Duration.ofSeconds(1), Duration.ofSeconds(55));
    }
}
