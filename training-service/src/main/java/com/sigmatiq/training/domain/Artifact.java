package com.sigmatiq.training.domain;

/**
 * One stored artifact of a trained model.
 *
 * @param name   file name, e.g. {@code booster.ubj}
 * @param sha256 hex SHA-256 of the content
 * @param size   bytes
 */
public record Artifact(String name, String sha256, long size) {
}
