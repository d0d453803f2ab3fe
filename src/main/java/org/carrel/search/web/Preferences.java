package org.carrel.search.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.carrel.district.SchoolView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * What a reader chose in the public catalogue without an account, kept in two cookies for a year: "my school"
 * ({@code carrel_school}, a school id), which sets whose shelves availability, new arrivals and "on the shelf now"
 * speak of, and the simple mode for the youngest readers ({@code carrel_simple}). SameSite=Lax and HttpOnly: no
 * script reads them and no other site sends them.
 */
record Preferences(SchoolView school, boolean simple) {

    static final String SCHOOL_COOKIE = "carrel_school";
    static final String SIMPLE_COOKIE = "carrel_simple";
    private static final Duration YEAR = Duration.ofDays(365);

    /** The id of my school as the search filters name schools, or null when none is chosen. */
    String schoolId() {
        return school == null ? null : String.valueOf(school.id());
    }

    /**
     * Reads the cookies; {@code simple} from the address ({@code 1} or {@code 0}) wins over the cookie and is
     * remembered. A cookie naming a school that no longer exists counts as no choice.
     */
    static Preferences read(HttpServletRequest request, HttpServletResponse response, List<SchoolView> schools,
                            String simpleParam) {
        SchoolView school = cookie(request, SCHOOL_COOKIE).flatMap(id -> find(schools, id)).orElse(null);
        boolean simple;
        if ("1".equals(simpleParam) || "0".equals(simpleParam)) {
            simple = "1".equals(simpleParam);
            remember(request, response, SIMPLE_COOKIE, simple ? "1" : null);
        } else {
            simple = cookie(request, SIMPLE_COOKIE).filter("1"::equals).isPresent();
        }
        return new Preferences(school, simple);
    }

    static Optional<SchoolView> find(List<SchoolView> schools, String id) {
        return schools.stream().filter(s -> String.valueOf(s.id()).equals(id)).findFirst();
    }

    /** Sets the cookie for a year, or removes it when {@code value} is null. */
    static void remember(HttpServletRequest request, HttpServletResponse response, String name, String value) {
        ResponseCookie cookie = ResponseCookie.from(name, value == null ? "" : value)
                .path("/")
                .maxAge(value == null ? Duration.ZERO : YEAR)
                .sameSite("Lax")
                .httpOnly(true)
                .secure(request.isSecure())
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    private static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return Optional.ofNullable(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
