package com.sigmatiq.pack.domain;

import java.util.List;

/** One pack in the catalogue listing, described by its latest version. */
public record PackSummary(String id, String name, String latestVersion, String description, List<String> strategies) {

    public PackSummary {
        strategies = List.copyOf(strategies);
    }
}
