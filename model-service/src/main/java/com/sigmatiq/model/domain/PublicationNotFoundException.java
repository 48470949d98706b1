package com.sigmatiq.model.domain;

import com.sigmatiq.kit.web.problem.NotFoundException;

/** No publication with this id belongs to the caller (another user's is reported the same way). */
public class PublicationNotFoundException extends NotFoundException {

    public PublicationNotFoundException(String publishedId) {
        super("Published model not found", "no published model '" + publishedId + "'");
    }
}
