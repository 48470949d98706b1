package com.sigmatiq.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/** The kit's {@code web} plumbing (filled in as the services move onto the kit). */
@AutoConfiguration
public class KitWebAutoConfiguration {
}
