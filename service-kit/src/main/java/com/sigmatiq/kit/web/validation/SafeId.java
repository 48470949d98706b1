package com.sigmatiq.kit.web.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An id that is safe to send on as one segment of another service's URL path: 1 to 128 letters, digits,
 * {@code _ . + -}, starting with a letter or digit, so never {@code /}, {@code ..} as a segment, {@code %} or
 * whitespace. Checked on a {@code @Valid} request body before any call to another service; {@code null} is valid
 * (pair with {@code @NotNull} where the id is required). The exact format of an id stays its owner's business.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = SafeId.PATTERN)
@ReportAsSingleViolation
@Target({FIELD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface SafeId {

    /** The accepted form. */
    String PATTERN = "[A-Za-z0-9][A-Za-z0-9_.+-]{0,127}";

    String message() default "must be 1 to 128 letters, digits, '_', '.', '+' or '-', starting with a letter or digit";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
