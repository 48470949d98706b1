/**
 * Saved state of streaming computations: {@link com.sigmatiq.engine.state.StateWriter} appends primitives to a
 * compact byte array and {@link com.sigmatiq.engine.state.StateReader} reads them back in the same order. Indicators,
 * expression streams and the strategy evaluator write what they remember between bars (never their parameters), so
 * that a restarted process continues exactly where it stopped. Doubles travel as raw bits, so a restored value is the
 * same bit for bit. Depends on nothing.
 */
package com.sigmatiq.engine.state;
