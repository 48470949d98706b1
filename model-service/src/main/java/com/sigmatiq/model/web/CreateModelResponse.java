package com.sigmatiq.model.web;

import java.time.Instant;

/** The seed's create-model response: {@code {"success": true, "model": {id, status, created_at, next_step}}}. */
public record CreateModelResponse(boolean success, Created model) {

    public record Created(String id, String status, Instant createdAt, String nextStep) {
    }
}
