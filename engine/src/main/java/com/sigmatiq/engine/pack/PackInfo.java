package com.sigmatiq.engine.pack;

import java.util.List;

/** The {@code pack.yaml} header: identity, version and descriptive metadata. */
public record PackInfo(String id, String name, String version, String description, String author,
                       String createdAt, List<String> tags, List<String> supportedInstruments, String defaultInstrument) {
    public PackInfo {
        tags = List.copyOf(tags);
        supportedInstruments = List.copyOf(supportedInstruments);
    }
}
