package com.sigmatiq.sim.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default rules on the seed's 7.4 figures and on one case of each other outcome. */
class RecommendationRulesTest {

    final RecommendationRules rules = RecommendationRules.DEFAULTS;

    @Test
    void theSeedsExampleIsApproved() {
        // seed 7.4: 8 trades, win rate 0.625 against 0.58, Sharpe 1.68 against 1.85, max drawdown -0.028
        RecommendationRules.Verdict v = rules.judge(8, 0.625, 1.68, -0.028, 0.58, 1.85, 0);
        assertThat(v.recommendation()).isEqualTo("APPROVE_FOR_LIVE_TRADING");
        assertThat(v.checks()).containsOnlyKeys("min_trades", "min_win_rate", "min_sharpe", "max_drawdown",
                "max_reconciliation_mismatches");
        assertThat(v.checks().values()).allMatch(RecommendationRules.Check::pass);
        assertThat(v.checks().get("min_win_rate")).isEqualTo(new RecommendationRules.Check(0.48, 0.625, true));
        assertThat(v.checks().get("min_sharpe")).isEqualTo(new RecommendationRules.Check(0.925, 1.68, true));
        assertThat(v.checks().get("max_drawdown")).isEqualTo(new RecommendationRules.Check(0.10, 0.028, true));
        assertThat(v.checks().get("min_trades")).isEqualTo(new RecommendationRules.Check(5, 8, true));
    }

    @Test
    void tooFewTradesExtendThePaperPeriodWhateverTheOtherFigures() {
        RecommendationRules.Verdict v = rules.judge(3, 0.0, -2.0, -0.2, 0.58, 1.85, 0);
        assertThat(v.recommendation()).isEqualTo("EXTEND_PAPER_TRADING");
        assertThat(v.checks().get("min_trades")).isEqualTo(new RecommendationRules.Check(5, 3, false));
    }

    @Test
    void aWinRateFarBelowTheBacktestsIsRejected() {
        RecommendationRules.Verdict v = rules.judge(10, 0.30, 1.68, -0.028, 0.58, 1.85, 0);
        assertThat(v.recommendation()).isEqualTo("REJECT");
        assertThat(v.checks().get("min_win_rate").pass()).isFalse();
        assertThat(v.checks().get("min_sharpe").pass()).isTrue();
    }

    @Test
    void aPaperRunThatDisagreesWithTheBacktestIsRejectedAndOverridesApply() {
        assertThat(rules.judge(8, 0.625, 1.68, -0.028, 0.58, 1.85, 1).recommendation()).isEqualTo("REJECT");
        assertThat(rules.judge(8, 0.625, 1.68, -0.028, 0.58, 1.85, null).recommendation()).isEqualTo("REJECT");
        RecommendationRules lenient = new RecommendationRules(5, 0.10, 0.5, 0.10, 2);
        assertThat(lenient.judge(8, 0.625, 1.68, -0.028, 0.58, 1.85, 1).recommendation()).isEqualTo("APPROVE_FOR_LIVE_TRADING");
        RecommendationRules strict = new RecommendationRules(10, 0.10, 0.5, 0.10, 0);
        assertThat(strict.judge(8, 0.625, 1.68, -0.028, 0.58, 1.85, 0).recommendation()).isEqualTo("EXTEND_PAPER_TRADING");
    }

    @Test
    void aPublicationsOwnRulesReplaceTheDefaultsByName() {
        RecommendationRules set = rules.with(java.util.Map.of("min_trades", 10.0, "max_drawdown", 0.02));
        assertThat(set).isEqualTo(new RecommendationRules(10, 0.10, 0.5, 0.02, 0));
        assertThat(set.judge(8, 0.625, 1.68, -0.028, 0.58, 1.85, 0).recommendation()).isEqualTo("EXTEND_PAPER_TRADING");
        assertThat(rules.with(java.util.Map.of("min_trades", 8.0, "max_drawdown", 0.02))
                .judge(8, 0.625, 1.68, -0.028, 0.58, 1.85, 0).recommendation()).isEqualTo("REJECT");
        assertThat(rules.with(java.util.Map.of())).isSameAs(rules);
        assertThat(rules.with(null)).isSameAs(rules);
    }

    @Test
    void differencesAreWrittenAsTheSeedWritesThem() {
        assertThat(PerformanceReport.Comparison.of(0.58, 0.625).difference()).isEqualTo("+0.045");
        assertThat(PerformanceReport.Comparison.of(1.85, 1.68).difference()).isEqualTo("-0.17");
    }
}
