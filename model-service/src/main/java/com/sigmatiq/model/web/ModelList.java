package com.sigmatiq.model.web;

import java.util.List;

/** {@code GET /models}: the caller's models, oldest first. */
public record ModelList(List<ModelView> models) {
}
