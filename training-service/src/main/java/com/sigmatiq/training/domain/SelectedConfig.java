package com.sigmatiq.training.domain;

import java.util.Map;

/**
 * One configuration the user ticked on the leaderboard (seed 5.1 {@code selected_configs[]}).
 *
 * @param comboId the sweep's combination
 * @param rank    its rank as the user saw it (informative)
 * @param config  the swept values as the leaderboard showed them; each must agree with the sweep's
 */
public record SelectedConfig(Long comboId, Integer rank, Map<String, Object> config) {
}
