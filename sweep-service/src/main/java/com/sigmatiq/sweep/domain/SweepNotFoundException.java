package com.sigmatiq.sweep.domain;

import com.sigmatiq.kit.web.problem.NotFoundException;

/** No such sweep (or combination) for this user: another user's sweep is reported the same way. */
public class SweepNotFoundException extends NotFoundException {

    public SweepNotFoundException(String message) {
        super("Sweep not found", message);
    }
}
