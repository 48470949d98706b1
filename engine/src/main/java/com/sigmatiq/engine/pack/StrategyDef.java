package com.sigmatiq.engine.pack;

import java.util.List;

/** A rule-based strategy: entry lines (the entry score is the weighted share that hold) and exit lines (any one exits). */
public record StrategyDef(String id, String name, String description, List<RuleLine> entryLogic, List<RuleLine> exitLogic) {

    public StrategyDef {
        entryLogic = List.copyOf(entryLogic);
        exitLogic = List.copyOf(exitLogic);
    }

    /**
     * One rule line.
     *
     * @param expression a boolean formula
     * @param weight     its weight in the entry score (1 unless the pack gives one; positive)
     */
    public record RuleLine(String expression, double weight) {
    }
}
