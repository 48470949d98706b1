package com.sigmatiq.model.domain;

import com.sigmatiq.kit.web.problem.FieldError;
import static org.assertj.core.api.Assertions.assertThat;

import com.sigmatiq.engine.data.Timeframe;
import com.sigmatiq.engine.pack.Pack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelRequestValidatorTest {

    private final Pack pack = SeedFixtures.swingsigma();

    @Test
    void theSeedRequestIsValidWithDefaultsFilledIn() {
        CreateModelCommand c = SeedFixtures.seedRequest();
        assertThat(ModelRequestValidator.checkFields(c)).isEmpty();
        List<FieldError> errors = new ArrayList<>();
        ValidatedModel v = ModelRequestValidator.checkAgainstPack(c, pack, errors);
        assertThat(errors).isEmpty();
        assertThat(v.timeframe()).isEqualTo(Timeframe.M5);
        assertThat(v.strategyConfig().params("rsi")[0]).isEqualTo(21);
        assertThat(v.strategyConfig().stopLossPct()).isEqualTo(6);
        assertThat(v.strategyConfig().maxPositionPct()).isEqualTo(3);
    }

    @Test
    void omittedSelectionsMeanEverythingInThePackAndOmittedInstrumentIsThePackDefault() {
        CreateModelCommand c = with(SeedFixtures.seedRequest(), null, null, null);
        ValidatedModel v = ModelRequestValidator.checkAgainstPack(c, pack, new ArrayList<>());
        assertThat(v.selectedIndicators()).isEqualTo(pack.indicatorIds());
        assertThat(v.selectedFeatures()).isEqualTo(pack.featureIds());
        assertThat(v.instrument()).isEqualTo("stocks");
    }

    @Test
    void everyBadOverrideIsReportedWithItsKeyAndTheValidKeys() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("rsi_perid", 21);
        o.put("rsi_period", 1);
        o.put("stop_loss_pct", 120);
        CreateModelCommand c = SeedFixtures.seedRequest();
        c = new CreateModelCommand(c.ownerId(), c.modelId(), c.packId(), null, c.name(), c.description(), c.instrument(), c.ticker(),
                null, c.strategyId(), c.selectedIndicators(), c.selectedFeatures(), c.riskProfile(), o);
        List<FieldError> errors = new ArrayList<>();
        assertThat(ModelRequestValidator.checkAgainstPack(c, pack, errors)).isNull();
        assertThat(errors).extracting(FieldError::field)
                .containsExactly("parameter_overrides.rsi_perid", "parameter_overrides.rsi_period", "parameter_overrides.stop_loss_pct");
        assertThat(errors.get(0).validChoices()).contains("rsi_period", "stop_loss_pct", "macd_fast_period");
        assertThat(errors.get(0).message()).contains("did you mean").contains("rsi_period");
        assertThat(errors.get(1).message()).contains("from 2");
        assertThat(errors.get(2).message()).contains("99.99");
    }

    @Test
    void unknownIdsNameTheirPositionAndThePacksChoices() {
        CreateModelCommand c = with(SeedFixtures.seedRequest(), List.of("rsi", "vwap"), List.of("gamma_flip"), "futures");
        List<FieldError> errors = new ArrayList<>();
        ModelRequestValidator.checkAgainstPack(c, pack, errors);
        assertThat(errors).extracting(FieldError::field).containsExactly("instrument", "selected_indicators[1]", "selected_features[0]");
        assertThat(errors.get(0).validChoices()).containsExactly("stocks", "options");
        assertThat(errors.get(1).validChoices()).isEqualTo(pack.indicatorIds());
        assertThat(errors.get(2).validChoices()).isEqualTo(pack.featureIds());
    }

    @Test
    void fieldsCheckedWithoutThePack() {
        CreateModelCommand c = new CreateModelCommand(SeedFixtures.OWNER, "bad id!", null, null, " ", null, null, "spy", "10m",
                null, null, null, "yolo", null);
        assertThat(ModelRequestValidator.checkFields(c)).extracting(FieldError::field)
                .containsExactly("model_id", "pack_id", "name", "ticker", "timeframe", "risk_profile");
        assertThat(ModelRequestValidator.checkFields(c).get(4).validChoices()).containsExactly("1m", "5m", "15m", "1h", "1d");
    }

    private static CreateModelCommand with(CreateModelCommand c, List<String> indicators, List<String> features, String instrument) {
        return new CreateModelCommand(c.ownerId(), c.modelId(), c.packId(), c.packVersion(), c.name(), c.description(), instrument,
                c.ticker(), c.timeframe(), c.strategyId(), indicators, features, c.riskProfile(), c.parameterOverrides());
    }
}
