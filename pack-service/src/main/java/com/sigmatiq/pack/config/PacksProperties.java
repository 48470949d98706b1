package com.sigmatiq.pack.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sigmatiq.packs.*}.
 *
 * @param dir folder whose subfolders are the bundled packs loaded at start; relative paths are
 *            resolved against the working directory (local mode runs from the repository root)
 */
@ConfigurationProperties("sigmatiq.packs")
public record PacksProperties(@DefaultValue("packs") Path dir) {
}
