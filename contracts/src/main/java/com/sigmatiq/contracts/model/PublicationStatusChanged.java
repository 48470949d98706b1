package com.sigmatiq.contracts.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A publication moved along its lifecycle (envelope type {@value #TYPE}; subject = the published id, owner = the
 * user; key = the published id): {@code paper_trading → paper_complete → live}, {@code alerting}, {@code paused} (and
 * back to where it was), {@code retired}.
 *
 * @param publishedId the publication, {@code pub_…}
 * @param modelId     its model
 * @param from        the status before, e.g. {@code paper_trading}
 * @param to          the status after, e.g. {@code paused}
 * @param at          when it moved
 */
public record PublicationStatusChanged(
        @JsonProperty("published_id") String publishedId,
        @JsonProperty("model_id") String modelId,
        @JsonProperty("from") String from,
        @JsonProperty("to") String to,
        @JsonProperty("at") Instant at) {

    public static final String TYPE = "model.publication_status_changed";
}
