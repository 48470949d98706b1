package com.sigmatiq.model.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** Optional body of {@code POST /published-models/{id}/pause|resume|retire}: why, kept in the status history. */
public record ActionRequest(
        @Schema(description = "kept in the history; default e.g. \"paused by owner\"", example = "earnings week")
        @Size(max = 500) String reason) {
}
