package com.sigmatiq.pack.web;

import java.util.Map;

/**
 * A pack version's exact files, for services that rebuild the engine's {@code Pack} with
 * {@code PackLoader.load(files)} (model-service does). {@code contentHash} is the hash that load gives.
 */
public record PackFiles(String packId, String version, String contentHash, Map<String, String> files) {
}
