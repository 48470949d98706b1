package com.sigmatiq.marketdata.feed;

import com.sigmatiq.kit.web.problem.NotFoundException;

public class ReplayNotFoundException extends NotFoundException {
    public ReplayNotFoundException(String message) {
        super("Not found", message);
    }
}
