package com.sigmatiq.pilot.client.fix;

import com.sigmatiq.pilot.domain.Broker;
import com.sigmatiq.pilot.domain.BrokerAdapter;
import com.sigmatiq.pilot.domain.BrokerAdapterFactory;
import com.sigmatiq.pilot.domain.BrokerEvents;
import com.sigmatiq.pilot.domain.LiveAccount;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Opens a {@link FixBrokerAdapter} per FIX account, its session state in the service's database. */
@Component
class FixBrokerAdapterFactory implements BrokerAdapterFactory {

    private final DataSource dataSource;

    FixBrokerAdapterFactory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Broker broker() {
        return Broker.FIX;
    }

    @Override
    public BrokerAdapter open(LiveAccount account, Map<String, String> credentials, BrokerEvents events) {
        return new FixBrokerAdapter(account, credentials, events, dataSource);
    }
}
