package com.sigmatiq.testinfra;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.BooleanSupplier;

/**
 * Skips a test class, before Spring loads its context, when {@code sigmatiq.infra=testcontainers} and no Docker
 * engine is reachable. Part of {@link SigmatiqIntegrationTest}; add it with {@code @ExtendWith} when using
 * {@link SigmatiqInfrastructure#registerProperties} directly.
 */
public class SigmatiqInfrastructureCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return evaluate(SigmatiqInfrastructure.mode(), ContainerBackend::dockerAvailable);
    }

    static ConditionEvaluationResult evaluate(SigmatiqInfrastructure.Mode mode, BooleanSupplier dockerAvailable) {
        if (mode == SigmatiqInfrastructure.Mode.TESTCONTAINERS && !dockerAvailable.getAsBoolean()) {
            return ConditionEvaluationResult.disabled(
                    SigmatiqInfrastructure.MODE_PROPERTY + "=testcontainers but no Docker engine is reachable");
        }
        return ConditionEvaluationResult.enabled("infrastructure mode " + mode);
    }
}
