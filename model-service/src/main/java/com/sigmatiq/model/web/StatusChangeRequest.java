package com.sigmatiq.model.web;

/** {@code PATCH /models/{id}/status} body: the status to move to ({@code swept}, ...). */
public record StatusChangeRequest(String status) {
}
