package org.carrel.web;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.carrel.accounts.PublicEndpoint;
import org.carrel.accounts.SignedInUser;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error a person or a script can meet: a page in the layout for browsers, an RFC 9457 problem for the API.
 * Never a stack trace or an exception message, which may reveal internals.
 */
@Controller
@PublicEndpoint
class ErrorPages implements ErrorController {

    private final PageAdvice pages;

    ErrorPages(PageAdvice pages) {
        this.pages = pages;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, Locale locale, @AuthenticationPrincipal SignedInUser user) {
        HttpStatus status = statusOf(request);
        String kind = switch (status.value()) {
            case 400, 403, 404, 405, 413, 422 -> String.valueOf(status.value());
            default -> status.is5xxServerError() ? "500" : "other";
        };
        ModelAndView view = new ModelAndView("error",
                Map.of("page", pages.pageFor(request, locale, user), "status", status.value(), "kind", kind));
        view.setStatus(status);
        return view;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null) {
            problem.setInstance(URI.create(String.valueOf(path).replace(" ", "%20")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
