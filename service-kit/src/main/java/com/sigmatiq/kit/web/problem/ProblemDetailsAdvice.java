package com.sigmatiq.kit.web.problem;

import com.sigmatiq.kit.web.json.JsonPaths;
import com.sigmatiq.kit.web.json.StrictJsonException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The base problem handling of every service, as RFC 9457 problem details: Spring MVC's own exceptions
 * ({@link ResponseEntityExceptionHandler}: 404, 405, 406, 413, 415, ...) and the request errors that name a field,
 * {@code errors: [{field, message, valid_choices?}]}:
 * <ul>
 *   <li>{@link InvalidRequestException} (and a service's subclass): 400 with its title and errors;</li>
 *   <li>{@link NotFoundException}, {@link ConflictException}, {@link UnavailableException} (and a service's
 *       subclasses): 404, 409, 503 with their title;</li>
 *   <li>an unreadable body: malformed JSON, a value of the wrong type, a number out of range, {@code null} inside a
 *       list or map, a NUL character in a string (each naming its JSON path, e.g. {@code tickers[1]});</li>
 *   <li>Bean Validation of a {@code @Valid} body (field names as the client writes them, snake_case);</li>
 *   <li>a query parameter or part that is missing or of the wrong type, or that Tomcat cannot decode;</li>
 *   <li>a multipart body that cannot be parsed (400).</li>
 * </ul>
 * It has no catch-all: a service's {@code @RestControllerAdvice} handles its own domain exceptions, in any order
 * with this one, and anything left is answered 500 by the kit's last resolver.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final Pattern UNDECODABLE_NAME = Pattern.compile("Parameter \\[([^\\]]*)\\]");
    private static final Pattern REJECTED_NAME = Pattern.compile("parameter name \"(.*)\" is not allowed", Pattern.DOTALL);

    private final UnaryOperator<String> jsonName;

    /**
     * @param jsonName turns a Java property name into the JSON name clients write ({@code packId} to
     *                 {@code pack_id} under {@code spring.jackson.property-naming-strategy=SNAKE_CASE})
     */
    public ProblemDetailsAdvice(UnaryOperator<String> jsonName) {
        this.jsonName = jsonName;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidRequest(InvalidRequestException e) {
        return Problems.invalid(e.title(), e.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, e.title(), e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return Problems.of(HttpStatus.CONFLICT, e.title(), e.getMessage());
    }

    @ExceptionHandler(UnavailableException.class)
    ProblemDetail unavailable(UnavailableException e) {
        log.warn("{}: {}", e.title(), e.getMessage());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.title(), e.detail());
    }

    /**
     * Spring Security's firewall refuses some requests only when their parameters are first read (a parameter name
     * with a control character, say): a 400 naming the parameter where the firewall's message does.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        Matcher name = REJECTED_NAME.matcher(String.valueOf(e.getMessage()));
        if (name.find()) {
            String field = name.group(1).replace("\0", "\\u0000");
            return Problems.invalid("Rejected request", List.of(FieldError.of(field, "the parameter name '" + field
                    + "' is not allowed")));
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "Rejected request", "The request has characters or a shape that are not allowed.");
    }

    /**
     * Tomcat cannot decode a query or form parameter (a %-escape that is not UTF-8, such as {@code %FF}): a 400 naming
     * the parameter where Tomcat's message does. (Before, the exception reached the last resolver as a 500.)
     */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail undecodableParameter(InvalidParameterException e) {
        return undecodable(e);
    }

    /** Also used by {@link UnexpectedErrorResolver} for handlers no advice reaches (the gateway's proxy routes). */
    static ProblemDetail undecodable(InvalidParameterException e) {
        Matcher name = UNDECODABLE_NAME.matcher(String.valueOf(e.getMessage()));
        if (name.find()) {
            return Problems.invalid("Invalid request", List.of(FieldError.of(name.group(1),
                    "is not valid percent-encoded UTF-8")));
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", "A parameter is not valid percent-encoded UTF-8.");
    }

    /**
     * A multipart body that cannot be parsed (no boundary, cut off, sent to an endpoint that takes none): 400. A part
     * over the size limit stays 413 ({@link ResponseEntityExceptionHandler}'s, the more specific handler).
     */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        return unreadable(e);
    }

    static ProblemDetail unreadable(MultipartException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid multipart request",
                "The multipart/form-data body cannot be read: it needs a boundary and complete parts.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (org.springframework.validation.FieldError e : ex.getBindingResult().getFieldErrors()) {
            errors.add(FieldError.of(jsonPath(e.getField()), String.valueOf(e.getDefaultMessage())));
        }
        ex.getBindingResult().getGlobalErrors().forEach(e -> errors.add(FieldError.of(e.getObjectName(),
                String.valueOf(e.getDefaultMessage()))));
        return handleExceptionInternal(ex, Problems.invalid(InvalidRequestException.DEFAULT_TITLE, errors), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
            String name = param != null && !param.name().isEmpty() ? param.name()
                    : jsonPath(String.valueOf(result.getMethodParameter().getParameterName()));
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(FieldError.of(name, String.valueOf(error.getDefaultMessage())));
            }
        }
        return handleExceptionInternal(ex, Problems.invalid(InvalidRequestException.DEFAULT_TITLE, errors), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return handleExceptionInternal(ex, Problems.invalid(InvalidRequestException.DEFAULT_TITLE,
                List.of(FieldError.of(ex.getParameterName(), "the parameter '" + ex.getParameterName() + "' is required"))),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A path variable that is there but converts to nothing ({@code /replays/%20} for a UUID {@code id}): 400 naming
     * it. One missing from the mapping itself stays Spring's 500 (a programming error).
     */
    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException ex, HttpHeaders headers,
                                                               HttpStatusCode status, WebRequest request) {
        if (!ex.isMissingAfterConversion()) {
            return super.handleMissingPathVariable(ex, headers, status, request);
        }
        return handleExceptionInternal(ex, Problems.invalid(InvalidRequestException.DEFAULT_TITLE,
                List.of(FieldError.of(ex.getVariableName(), "the path variable '" + ex.getVariableName() + "' is empty"))),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return handleExceptionInternal(ex, Problems.invalid(InvalidRequestException.DEFAULT_TITLE,
                List.of(FieldError.of(ex.getRequestPartName(), "the part '" + ex.getRequestPartName() + "' is required"))),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A query parameter or path variable that cannot be read as its type. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        FieldError error = new FieldError(field == null ? "" : field, "cannot read '" + ex.getValue() + "' as "
                + describe(type), choices(type));
        return handleExceptionInternal(ex, Problems.invalid(InvalidRequestException.DEFAULT_TITLE, List.of(error)),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The body is not JSON for this request: say where and, where Jackson can tell, which field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail p = unreadable(ex);
        return handleExceptionInternal(ex, p, headers, HttpStatus.BAD_REQUEST, request);
    }

    private ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof StrictJsonException strict) {
            return unreadable(strict.field(), strict.field() + " " + strict.problem(), List.of());
        }
        if (!(cause instanceof JacksonException je)) {
            String message = String.valueOf(ex.getMessage());
            return Problems.of(HttpStatus.BAD_REQUEST, "Unreadable request", message.startsWith("Required request body is missing")
                    ? "The request body is missing." : "The request body cannot be read.");
        }
        String field = JsonPaths.of(je.getPath());
        if (field.isEmpty()) {
            String where = je.getLocation() == null ? "" : " at line " + je.getLocation().getLineNr() + ", column "
                    + je.getLocation().getColumnNr();
            String what = je instanceof StreamReadException && !(je instanceof MismatchedInputException)
                    ? "The request body is not valid JSON" + where + ": " + je.getOriginalMessage()
                    : "The request body does not have the expected shape" + where + ": " + je.getOriginalMessage();
            return Problems.of(HttpStatus.BAD_REQUEST, "Unreadable request", what);
        }
        if (je instanceof InvalidNullException) {
            return unreadable(field, field + " must not be null", List.of());
        }
        if (je instanceof InvalidFormatException f) {
            return unreadable(field, "cannot read '" + f.getValue() + "' as " + describe(f.getTargetType()) + " for " + field,
                    choices(f.getTargetType()));
        }
        if (je instanceof MismatchedInputException m && m.getTargetType() != null) {
            return unreadable(field, "wrong type or malformed value for " + field + ": expected " + describe(m.getTargetType()),
                    choices(m.getTargetType()));
        }
        if (je instanceof InputCoercionException) {
            return unreadable(field, "the number for " + field + " is out of range", List.of());
        }
        return unreadable(field, "wrong type or malformed value for " + field, List.of());
    }

    private static ProblemDetail unreadable(String field, String message, List<String> choices) {
        ProblemDetail p = Problems.invalid("Unreadable request", List.of(new FieldError(field, message, choices)));
        p.setDetail("the request body is not valid JSON for this request: " + message);
        return p;
    }

    /** A Bean Validation property path ({@code dateRange.start}, {@code tickers[1]}) with JSON names. */
    String jsonPath(String javaPath) {
        StringBuilder out = new StringBuilder();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i <= javaPath.length(); i++) {
            char c = i < javaPath.length() ? javaPath.charAt(i) : '.';
            if (c == '.' || c == '[') {
                if (!name.isEmpty()) {
                    out.append(jsonName.apply(name.toString()));
                    name.setLength(0);
                }
                if (i < javaPath.length()) {
                    out.append(c);
                }
            } else if (c == ']') {
                out.append(name).append(c);
                name.setLength(0);
            } else {
                name.append(c);
            }
        }
        return out.toString();
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + choices(type);
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    static List<String> choices(Class<?> type) {
        if (type == null || !type.isEnum()) {
            return List.of();
        }
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
    }
}
