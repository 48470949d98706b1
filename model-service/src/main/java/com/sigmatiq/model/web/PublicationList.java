package com.sigmatiq.model.web;

import java.util.List;

/** {@code GET /published-models}: the caller's publications, newest first. */
public record PublicationList(List<PublicationView> publishedModels) {
}
