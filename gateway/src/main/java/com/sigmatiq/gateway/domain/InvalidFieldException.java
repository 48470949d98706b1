package com.sigmatiq.gateway.domain;

import java.util.List;

import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.kit.web.problem.InvalidRequestException;

/** A request field that breaks a domain rule; answered 400 naming the field (by the service kit). */
public class InvalidFieldException extends InvalidRequestException {

    public InvalidFieldException(String field, String message) {
        super(List.of(FieldError.of(field, message)));
    }

    public String field() {
        return errors().get(0).field();
    }
}
