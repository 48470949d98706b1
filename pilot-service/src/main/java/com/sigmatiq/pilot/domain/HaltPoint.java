package com.sigmatiq.pilot.domain;

import java.util.Locale;

/**
 * For the crash tests only: named points of the order flow at which the process can be made to die the way
 * {@code kill -9} leaves it ({@link Runtime#halt}: no shutdown hook, no {@code finally}, no Kafka offset commit, no FIX
 * Logout; the sockets are closed by the operating system). Chosen with {@code sigmatiq.pilot.halt-at}; unset (every
 * deployment) nothing halts. Before halting it prints {@code pilot-service halts at <point>: <what>} so that a test can
 * see which window it hit.
 */
public enum HaltPoint {

    /** An order is committed in {@code pending_new}; the adapter has not been called (issue 15, window a). */
    STORED,
    /** A broker's report arrived and is not yet applied or counted by the FIX session (window b: the broker has it). */
    REPORT_RECEIVED,
    /** A fill is committed; the FIX session has not yet counted its message (window c: between two partial fills). */
    FILL_APPLIED;

    /** Exit status of the halt, as a shell reports a process killed by SIGKILL (128 + 9). */
    public static final int STATUS = 137;

    /** Halts the process if {@code configured} is this point; otherwise returns at once. */
    public void reached(HaltPoint configured, String what) {
        if (configured == this) {
            System.out.println("pilot-service halts at " + name().toLowerCase(Locale.ROOT).replace('_', '-') + ": " + what);
            System.out.flush();
            Runtime.getRuntime().halt(STATUS);
        }
    }
}
