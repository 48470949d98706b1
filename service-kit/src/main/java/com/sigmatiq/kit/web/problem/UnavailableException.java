package com.sigmatiq.kit.web.problem;

/**
 * Another service this request needs cannot be used right now: 503 with a detail that tells the caller what to do;
 * the message and cause (which may name hosts and internals) are logged, not answered.
 */
public class UnavailableException extends TitledException {

    private final String detail;

    /**
     * @param detail  for the caller, e.g. {@code packs cannot be read right now; try again shortly}
     * @param message for the log: what failed and how
     */
    public UnavailableException(String title, String detail, String message, Throwable cause) {
        super(title, message, cause);
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}
