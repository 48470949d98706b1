package com.sigmatiq.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code sigmatiq.gateway.limits.*}: the largest request bodies the gateway lets through to any service (refused with
 * a 413 problem before a service reads a byte).
 *
 * @param maxBodySize   any request that is not multipart (JSON, YAML, text), 1 MB
 * @param maxUploadSize a {@code multipart/form-data} request (pack files, CSV bar imports), 512 MB: the largest
 *                      service limit (market-data-service's imports); each service refuses less on its own
 */
@ConfigurationProperties("sigmatiq.gateway.limits")
public record GatewayLimitsProperties(@DefaultValue("1MB") DataSize maxBodySize,
                                      @DefaultValue("512MB") DataSize maxUploadSize) {

    public GatewayLimitsProperties {
        if (maxBodySize.toBytes() < 1 || maxUploadSize.toBytes() < 1) {
            throw new IllegalArgumentException("sigmatiq.gateway.limits.* must be positive");
        }
    }
}
