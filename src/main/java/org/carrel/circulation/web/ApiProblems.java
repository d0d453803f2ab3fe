package org.carrel.circulation.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.carrel.circulation.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * The circulation API's problem documents (RFC 9457), titles and details from the message bundle in the caller's
 * language: 409 with a stable {@code reason} (a {@link Refusal} code) for every refusal, unknown barcodes included,
 * so a SIP2 server or a script branches on one field; 404 with a reason for an id or patron a read names that does
 * not exist; 403 for a school or an override the caller may not act for; 400 naming the fields that cannot be read.
 */
@RestControllerAdvice(assignableTypes = {CirculationApi.class, HoldApi.class})
class ApiProblems {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** 409: circulation refused; {@code context} is what the refusal is about (a barcode, the limit), or null. */
    ResponseEntity<ProblemDetail> refused(Refusal reason, String context, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "circulation.api.refused",
                text(reason.messageKey(), locale), locale);
        problem.setProperty("reason", reason.name());
        if (context != null && !context.isBlank()) {
            problem.setProperty("context", context);
        }
        return answer(problem);
    }

    /** 404: the loan, hold or patron a read names does not exist. */
    ResponseEntity<ProblemDetail> notFound(Refusal reason, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "circulation.api.notFound",
                text(reason.messageKey(), locale), locale);
        problem.setProperty("reason", reason.name());
        return answer(problem);
    }

    /** 403: the caller may not act for the school, or may not override. */
    ResponseEntity<ProblemDetail> forbidden(String detailKey, Locale locale) {
        return answer(problem(HttpStatus.FORBIDDEN, "circulation.api.forbidden", text(detailKey, locale), locale));
    }

    /** 400: each entry "field: what is wrong". */
    ResponseEntity<ProblemDetail> unreadable(List<String> problems, Locale locale) {
        return answer(problem(HttpStatus.BAD_REQUEST, "circulation.api.unreadable", String.join("; ", problems),
                locale));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> notJson(HttpMessageNotReadableException e, Locale locale) {
        if (e.getMostSpecificCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = json.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return unreadable(List.of(field + ": " + text("circulation.api.field.wrongType", locale)), locale);
        }
        return unreadable(List.of("body: " + text("circulation.api.body.notJson", locale)), locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> notJsonType(HttpMediaTypeNotSupportedException e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "circulation.api.unreadable",
                "Content-Type: " + text("circulation.api.body.notJson", locale), locale);
        return answer(problem);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, Locale locale) {
        return unreadable(List.of(e.getParameterName() + ": " + text("circulation.api.field.required", locale)),
                locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongType(MethodArgumentTypeMismatchException e, Locale locale) {
        return unreadable(List.of(e.getName() + ": " + text("circulation.api.field.wrongType", locale)), locale);
    }

    String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private ProblemDetail problem(HttpStatus status, String titleKey, String detail, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(text(titleKey, locale));
        return problem;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** {@code value} cut to 40 characters, for echoing what a caller sent. */
    static String cut(String value) {
        String stripped = value == null ? "" : value.strip();
        return stripped.length() <= 40 ? stripped : stripped.substring(0, 40) + "...";
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** "field: give it", for a field of the request body that is missing or blank. */
    String required(String field, Locale locale) {
        return field + ": " + text("circulation.api.field.required", locale);
    }
}
