package com.sigmatiq.pack.domain;

import com.sigmatiq.engine.pack.Pack;
import com.sigmatiq.engine.pack.PackInfo;
import java.util.List;

/**
 * What a catalogue listing needs to know about a pack version without parsing its files again:
 * the {@code pack.yaml} header and the ids the pack defines. Stored as JSON next to the files.
 *
 * @param createdAt the {@code created_at} text of {@code pack.yaml}, as written (not the upload time)
 */
public record PackMetadata(String name, String description, String author, String createdAt, List<String> tags,
                           List<String> supportedInstruments, String defaultInstrument, List<String> indicators,
                           List<String> features, List<String> strategies) {

    public PackMetadata {
        tags = tags == null ? List.of() : List.copyOf(tags);
        supportedInstruments = supportedInstruments == null ? List.of() : List.copyOf(supportedInstruments);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        features = features == null ? List.of() : List.copyOf(features);
        strategies = strategies == null ? List.of() : List.copyOf(strategies);
    }

    /** The metadata of a loaded pack. */
    public static PackMetadata of(Pack pack) {
        PackInfo i = pack.info();
        return new PackMetadata(i.name(), i.description(), i.author(), i.createdAt(), i.tags(), i.supportedInstruments(),
                i.defaultInstrument(), pack.indicatorIds(), pack.featureIds(), pack.strategyIds());
    }
}
