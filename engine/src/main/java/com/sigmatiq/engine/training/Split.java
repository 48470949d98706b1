package com.sigmatiq.engine.training;

/**
 * Where a sample goes in DESIGN §6's time-ordered split. {@link #code()} is the byte that
 * {@link TrainingDataset#split()} holds.
 */
public enum Split {
    /** Fits the model. */
    TRAIN("train"),
    /** A training sample whose trade was still open when validation begins: left out of both sides. */
    PURGED("purged"),
    /** The newest ⌈test_size × n⌉ samples. */
    VALIDATION("validation");

    private static final Split[] BY_CODE = values();

    private final String id;

    Split(String id) {
        this.id = id;
    }

    /** As written in files: {@code train}, {@code purged}, {@code validation}. */
    public String id() {
        return id;
    }

    /** The primitive code (the ordinal) kept per sample. */
    public byte code() {
        return (byte) ordinal();
    }

    public static Split ofCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("no split has code " + code);
        }
        return BY_CODE[code];
    }

    @Override
    public String toString() {
        return id;
    }
}
