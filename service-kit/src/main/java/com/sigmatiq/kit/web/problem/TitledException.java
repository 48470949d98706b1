package com.sigmatiq.kit.web.problem;

/** A request error the kit answers itself, with the problem's {@code title}; its message is the detail unless said otherwise. */
public abstract class TitledException extends RuntimeException {

    private final String title;

    protected TitledException(String title, String message, Throwable cause) {
        super(message, cause);
        this.title = title;
    }

    /** The problem's {@code title}. */
    public String title() {
        return title;
    }
}
