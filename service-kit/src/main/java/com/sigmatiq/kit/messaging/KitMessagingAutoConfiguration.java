package com.sigmatiq.kit.messaging;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/** The kit's {@code messaging} plumbing (filled in as the services move onto the kit). */
@AutoConfiguration
public class KitMessagingAutoConfiguration {
}
