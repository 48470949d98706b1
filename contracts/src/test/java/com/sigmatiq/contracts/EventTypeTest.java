package com.sigmatiq.contracts;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue lists every payload record of this module, once, under the record's own {@code TYPE}. */
class EventTypeTest {

    /** Records of this module with a {@code public static final String TYPE}: the event payloads. */
    private static List<Class<?>> payloadRecords() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.sigmatiq.contracts").stream()
                .map(JavaClass::reflect)
                .filter(Class::isRecord)
                .filter(c -> Arrays.stream(c.getDeclaredFields()).anyMatch(f -> f.getName().equals("TYPE")
                        && f.getType() == String.class && Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers())))
                .<Class<?>>map(c -> c)
                .toList();
    }

    @Test
    void everyPayloadRecordIsListedOnce() {
        List<Class<?>> records = payloadRecords();

        assertThat(records).hasSizeGreaterThanOrEqualTo(5);
        assertThat(Arrays.stream(EventType.values()).map(EventType::payloadType).toList())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(records);
    }

    @Test
    void eachTypeNameIsItsRecordsTypeConstantAndUnique() throws ReflectiveOperationException {
        for (EventType t : EventType.values()) {
            assertThat(t.typeName()).as(t.name()).isEqualTo(t.payloadType().getField("TYPE").get(null));
        }
        assertThat(Arrays.stream(EventType.values()).map(EventType::typeName)).doesNotHaveDuplicates();
    }

    @Test
    void typesTravelOnTheirServicesTopic() {
        assertThat(EventType.MODEL_CREATED.topic()).isEqualTo(Topics.MODEL_EVENTS);
        assertThat(EventType.TRAINING_COMPLETED.topic()).isEqualTo(Topics.TRAINING_EVENTS);
        assertThat(EventType.MODEL_STATUS_CHANGED.topic()).isEqualTo(Topics.MODEL_EVENTS);
        assertThat(EventType.MODEL_DELETED.topic()).isEqualTo(Topics.MODEL_EVENTS);
        assertThat(EventType.SWEEP_COMPLETED.topic()).isEqualTo(Topics.SWEEP_EVENTS);
        assertThat(EventType.PAPER_COMPLETED.topic()).isEqualTo(Topics.PAPER_EVENTS);
        assertThat(EventType.LIVE_TRADING_APPROVED.topic()).isEqualTo(Topics.PILOT_EVENTS);
        assertThat(EventType.BAR_CLOSED.topic()).as("one topic per timeframe").isNull();
        for (EventType t : EventType.values()) {
            if (t.topic() != null) {
                String service = t.typeName().substring(0, t.typeName().indexOf('.'));
                assertThat(t.topic()).as(t.name()).isEqualTo(service + ".events");
            }
        }
    }

    @Test
    void barTopicsArePrefixAndTimeframe() {
        assertThat(List.of(Topics.MARKET_BARS_1M, Topics.MARKET_BARS_5M, Topics.MARKET_BARS_15M, Topics.MARKET_BARS_1H,
                Topics.MARKET_BARS_1D)).containsExactly("market.bars.1m", "market.bars.5m", "market.bars.15m", "market.bars.1h",
                "market.bars.1d");
    }
}
