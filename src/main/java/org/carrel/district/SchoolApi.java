package org.carrel.district;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.Permission;
import org.carrel.accounts.PublicEndpoint;
import org.carrel.accounts.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/**
 * {@code /api/v1/schools}: the public list of schools (by name), one school, and adding a school (DISTRICT_EDIT).
 * Invalid input is a 422 problem with {@code errors} (field to message), a code in use a 409 problem.
 */
@RestController
@RequestMapping("/api/v1/schools")
class SchoolApi {

    /** A school as the API shows it: grades as labels (PK, K, 1..12). */
    record SchoolJson(String code, String name, String gradeSpan, String lowestGrade, String highestGrade,
                      String level) {
        static SchoolJson of(SchoolView school) {
            return new SchoolJson(school.code(), school.name(), school.gradeSpan(), school.lowestGrade().label(),
                    school.highestGrade().label(), school.level().name());
        }
    }

    private final District district;
    private final MessageSource messages;

    SchoolApi(District district, MessageSource messages) {
        this.district = district;
        this.messages = messages;
    }

    @GetMapping
    @PublicEndpoint
    List<SchoolJson> list() {
        return district.schools().stream().map(SchoolJson::of).toList();
    }

    @GetMapping("/{code}")
    @PublicEndpoint
    SchoolJson one(@PathVariable String code) {
        return district.school(code).map(SchoolJson::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Allowed(Permission.DISTRICT_EDIT)
    ResponseEntity<?> create(@AuthenticationPrincipal SignedInUser user, @RequestBody SchoolForm form, Locale locale) {
        DistrictResult result = district.createSchool(form, user.username());
        if (result instanceof DistrictResult.Saved saved) {
            SchoolView school = district.school(saved.id()).orElseThrow();
            URI location = URI.create("/api/v1/schools/" + UriUtils.encodePathSegment(school.code(), "UTF-8"));
            return ResponseEntity.created(location).body(SchoolJson.of(school));
        }
        boolean duplicate = result instanceof DistrictResult.Duplicate;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                duplicate ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT,
                duplicate ? "A school with this code exists already." : "The school is not valid.");
        Map<String, String> errors = new LinkedHashMap<>();
        result.errors().byField().forEach((field, key) -> errors.put(field.isEmpty() ? "school" : field,
                messages.getMessage(key, null, key, locale)));
        problem.setProperty("errors", errors);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
