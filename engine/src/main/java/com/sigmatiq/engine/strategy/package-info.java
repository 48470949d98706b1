/**
 * The effective configuration of a strategy (pack defaults plus parameter overrides, DESIGN section
 * 5 keys).
 * Percentages are percent in configurations, fractions in the simulator.
 */
package com.sigmatiq.engine.strategy;
