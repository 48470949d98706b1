package com.sigmatiq.model.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelStatusTest {

    @Test
    void theForwardPathIsAllowedStepByStep() {
        List<ModelStatus> path = List.of(ModelStatus.CREATED, ModelStatus.SWEPT, ModelStatus.TRAINED, ModelStatus.PAPER_TRADING,
                ModelStatus.PAPER_COMPLETE, ModelStatus.LIVE, ModelStatus.RETIRED);
        for (int i = 0; i + 1 < path.size(); i++) {
            assertThat(path.get(i).canMoveTo(path.get(i + 1))).as(path.get(i) + " -> " + path.get(i + 1)).isTrue();
        }
        assertThat(ModelStatus.TRAINED.canMoveTo(ModelStatus.ALERTING)).as("published without paper trading").isTrue();
    }

    @Test
    void noSkippingAheadNoGoingBackExceptLiveToPaperAndRetiredIsTerminal() {
        assertThat(ModelStatus.CREATED.canMoveTo(ModelStatus.TRAINED)).isFalse();
        assertThat(ModelStatus.CREATED.canMoveTo(ModelStatus.LIVE)).isFalse();
        assertThat(ModelStatus.PAPER_TRADING.canMoveTo(ModelStatus.LIVE)).as("paper must complete first").isFalse();
        assertThat(ModelStatus.ALERTING.canMoveTo(ModelStatus.LIVE)).as("live needs paper trading").isFalse();
        assertThat(ModelStatus.SWEPT.canMoveTo(ModelStatus.PAPER_TRADING)).isFalse();
        assertThat(ModelStatus.TRAINED.canMoveTo(ModelStatus.SWEPT)).isFalse();
        assertThat(ModelStatus.LIVE.canMoveTo(ModelStatus.PAPER_TRADING)).isTrue();
        assertThat(ModelStatus.RETIRED.nextStatuses()).isEmpty();
        for (ModelStatus s : ModelStatus.values()) {
            assertThat(s.canMoveTo(s)).isFalse();
            if (s != ModelStatus.RETIRED) {
                assertThat(s.canMoveTo(ModelStatus.RETIRED)).as(s + " -> retired").isTrue();
            }
        }
    }

    @Test
    void pausedComesFromRunningStatusesAndGoesBackToThem() {
        assertThat(ModelStatus.values()).filteredOn(s -> s.canMoveTo(ModelStatus.PAUSED))
                .containsExactly(ModelStatus.PAPER_TRADING, ModelStatus.LIVE, ModelStatus.ALERTING);
        assertThat(ModelStatus.PAUSED.nextStatuses()).containsExactly(ModelStatus.PAPER_TRADING, ModelStatus.LIVE,
                ModelStatus.ALERTING, ModelStatus.RETIRED);
    }

    @Test
    void labelsAreSnakeCaseAndParseBack() {
        assertThat(ModelStatus.labels()).containsExactly("created", "swept", "trained", "paper_trading", "paper_complete",
                "live", "alerting", "paused", "retired");
        for (ModelStatus s : ModelStatus.values()) {
            assertThat(ModelStatus.parse(s.label())).isEqualTo(s);
        }
        assertThatThrownBy(() -> ModelStatus.parse("PAPER_TRADING")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelStatus.parse("published")).as("replaced by a publication's own lifecycle")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
