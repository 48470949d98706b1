package com.sigmatiq.localbroker.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sigmatiq.local-broker.*}.
 *
 * @param fixPort            the FIX acceptor's port
 * @param fixHost            the address it listens on
 * @param compId             the broker's CompID (the clients' TargetCompID); any client SenderCompID is accepted
 * @param commissionPerShare dollars charged per filled share
 */
@ConfigurationProperties("sigmatiq.local-broker")
public record LocalBrokerProperties(@DefaultValue("9878") int fixPort, @DefaultValue("0.0.0.0") String fixHost,
                                    @DefaultValue("LOCALBROKER") String compId,
                                    @DefaultValue("0.005") double commissionPerShare) {
}
