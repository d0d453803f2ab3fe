package org.carrel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.carrel.accounts.Allowed;
import org.carrel.accounts.PublicEndpoint;
import org.carrel.accounts.Role;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The permission table: every HTTP endpoint and the roles that reach it, written out by hand. The test walks every
 * endpoint for every role (and for a visitor who has not signed in) and checks that exactly those roles get
 * through. An endpoint missing from the table, or one without a declared permission, fails the build.
 */
@CarrelTest
class PermissionTableTest {

    private static final String STAFF = "DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL VOLUNTEER ADMINISTRATOR";
    private static final String DISTRICT_READERS = "DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL ADMINISTRATOR";
    // Catalog record and copy pages: viewing is for all staff, changes for those with CATALOG_EDIT.
    private static final String CATALOG_EDITORS = "DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL";
    // Circulation pages with titles and charges: LOANS_VIEW and CHARGES_MANAGE (not volunteers, not administrators).
    private static final String LOAN_STAFF = "DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL";
    private static final String EVERYONE_SIGNED_IN = Arrays.stream(Role.values()).map(Role::name)
            .collect(Collectors.joining(" "));

    /** METHOD PATH ROLES, where ROLES is "public" or role names; {@code *} means any HTTP method. */
    private static final String TABLE = """
            *      /error                              public
            GET    /                                   public
            GET    /login                              public
            GET    /catalog                            public
            GET    /catalog/search                     public
            GET    /catalog/records/{id}               public
            GET    /catalog/suggest                    public
            POST   /catalog/my-school                  public
            GET    /staff/search                       %1$s
            GET    /staff                              %1$s
            GET    /account                            %3$s
            POST   /account/password                   %3$s
            GET    /staff/accounts                     DISTRICT_ADMIN
            POST   /staff/accounts                     DISTRICT_ADMIN
            GET    /staff/accounts/new                 DISTRICT_ADMIN
            GET    /staff/accounts/{id}                DISTRICT_ADMIN
            POST   /staff/accounts/{id}                DISTRICT_ADMIN
            GET    /staff/api-tokens                   DISTRICT_ADMIN
            POST   /staff/api-tokens                   DISTRICT_ADMIN
            POST   /staff/api-tokens/{id}/revoke       DISTRICT_ADMIN
            GET    /staff/sip2                         DISTRICT_ADMIN
            POST   /staff/sip2                         DISTRICT_ADMIN
            POST   /staff/sip2/{id}/delete             DISTRICT_ADMIN
            # Notifications: the outbox, runs and delivery logs (NOTICES_MANAGE); settings and wording (district)
            GET    /staff/notices                      DISTRICT_ADMIN LIBRARIAN
            POST   /staff/notices/send                 DISTRICT_ADMIN LIBRARIAN
            POST   /staff/notices/{id}/resend          DISTRICT_ADMIN LIBRARIAN
            GET    /staff/notices/print                DISTRICT_ADMIN LIBRARIAN
            POST   /staff/notices/printed              DISTRICT_ADMIN LIBRARIAN
            GET    /staff/notices/runs                 DISTRICT_ADMIN LIBRARIAN
            POST   /staff/notices/runs                 DISTRICT_ADMIN LIBRARIAN
            GET    /staff/patrons/{id}/notices         DISTRICT_ADMIN LIBRARIAN
            POST   /api/v1/notifications/runs          DISTRICT_ADMIN LIBRARIAN
            GET    /staff/notices/settings             DISTRICT_ADMIN
            POST   /staff/notices/settings             DISTRICT_ADMIN
            GET    /staff/notices/templates            DISTRICT_ADMIN
            GET    /staff/notices/templates/{kind}/{language}     DISTRICT_ADMIN
            POST   /staff/notices/templates/{kind}/{language}     DISTRICT_ADMIN
            # Notifications: a teacher's own new-arrival alerts (NEW_ARRIVAL_ALERTS); the public new-arrivals page and
            # its Atom feed; a librarian's announcement of new titles to a school's teachers (NOTICES_MANAGE)
            GET    /account/new-arrivals               DISTRICT_ADMIN LIBRARIAN TEACHER
            POST   /account/new-arrivals               DISTRICT_ADMIN LIBRARIAN TEACHER
            GET    /account/new-arrivals/{id}/edit     DISTRICT_ADMIN LIBRARIAN TEACHER
            POST   /account/new-arrivals/{id}          DISTRICT_ADMIN LIBRARIAN TEACHER
            POST   /account/new-arrivals/{id}/delete   DISTRICT_ADMIN LIBRARIAN TEACHER
            GET    /catalog/new                        public
            GET    /catalog/new.atom                   public
            GET    /staff/notices/announce             DISTRICT_ADMIN LIBRARIAN
            POST   /staff/notices/announce/preview     DISTRICT_ADMIN LIBRARIAN
            POST   /staff/notices/announce             DISTRICT_ADMIN LIBRARIAN
            GET    /staff/audit                        DISTRICT_ADMIN
            GET    /staff/district                     %2$s
            POST   /staff/district                     DISTRICT_ADMIN
            GET    /staff/schools                      %2$s
            POST   /staff/schools                      DISTRICT_ADMIN
            GET    /staff/schools/new                  DISTRICT_ADMIN
            GET    /staff/schools/{code}               %2$s
            POST   /staff/schools/{code}               DISTRICT_ADMIN
            GET    /staff/schools/{code}/edit          DISTRICT_ADMIN
            GET    /staff/schools/{code}/calendar      DISTRICT_ADMIN LIBRARIAN
            POST   /staff/schools/{code}/school-year   DISTRICT_ADMIN LIBRARIAN
            POST   /staff/schools/{code}/terms         DISTRICT_ADMIN LIBRARIAN
            POST   /staff/schools/{code}/terms/{id}/remove        DISTRICT_ADMIN LIBRARIAN
            POST   /staff/schools/{code}/closed-days   DISTRICT_ADMIN LIBRARIAN
            POST   /staff/schools/{code}/closed-days/{id}/remove  DISTRICT_ADMIN LIBRARIAN
            GET    /staff/schools/{code}/locations/new DISTRICT_ADMIN LIBRARIAN
            POST   /staff/schools/{code}/locations     DISTRICT_ADMIN LIBRARIAN
            GET    /staff/schools/{code}/locations/{id}           DISTRICT_ADMIN LIBRARIAN
            POST   /staff/schools/{code}/locations/{id}           DISTRICT_ADMIN LIBRARIAN
            POST   /staff/schools/{code}/locations/{id}/remove    DISTRICT_ADMIN LIBRARIAN
            GET    /staff/catalog                      %1$s
            GET    /staff/catalog/items                %1$s
            GET    /staff/catalog/records/{id}         %1$s
            GET    /staff/catalog/records/{id}/marc    %1$s
            GET    /staff/catalog/records/new          %4$s
            POST   /staff/catalog/records/new          %4$s
            GET    /staff/catalog/records/new/marc     %4$s
            POST   /staff/catalog/records/new/marc     %4$s
            GET    /staff/catalog/records/{id}/marc/edit          %4$s
            POST   /staff/catalog/records/{id}/marc/edit          %4$s
            GET    /staff/catalog/records/{id}/delete  %4$s
            POST   /staff/catalog/records/{id}/delete  %4$s
            GET    /staff/catalog/records/{id}/items/new          %4$s
            POST   /staff/catalog/records/{id}/items/new          %4$s
            GET    /staff/catalog/items/{id}/edit      %4$s
            POST   /staff/catalog/items/{id}/edit      %4$s
            POST   /staff/catalog/items/{id}/status    %4$s
            GET    /staff/catalog/items/{id}/delete    %4$s
            POST   /staff/catalog/items/{id}/delete    %4$s
            # Catalog: MARC import and export, shelf list, label queue
            GET    /staff/catalog/imports              DISTRICT_ADMIN LIBRARIAN
            POST   /staff/catalog/imports              DISTRICT_ADMIN LIBRARIAN
            GET    /staff/catalog/imports/{id}         DISTRICT_ADMIN LIBRARIAN
            GET    /staff/catalog/export               DISTRICT_ADMIN LIBRARIAN
            GET    /staff/catalog/export/file          DISTRICT_ADMIN LIBRARIAN
            GET    /staff/catalog/shelf                %1$s
            GET    /staff/catalog/labels               DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL
            POST   /staff/catalog/labels/add           DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL
            POST   /staff/catalog/labels/remove        DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL
            POST   /staff/catalog/labels/pdf           DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL
            # Patrons: lookup for all staff; personal data and homerooms for PATRON_VIEW; changes for PATRON_EDIT
            GET    /staff/patrons                      %1$s
            GET    /staff/patrons/new                  %4$s
            POST   /staff/patrons                      %4$s
            GET    /staff/patrons/{id}                 %2$s
            GET    /staff/patrons/{id}/edit            %4$s
            POST   /staff/patrons/{id}                 %4$s
            POST   /staff/patrons/{id}/status          %4$s
            POST   /staff/patrons/{id}/blocks          %4$s
            POST   /staff/patrons/{id}/blocks/{blockId}/lift      %4$s
            POST   /staff/patrons/{id}/pin             %4$s
            GET    /staff/homerooms                    %2$s
            GET    /staff/patrons/roster               DISTRICT_ADMIN
            POST   /staff/patrons/roster               DISTRICT_ADMIN
            POST   /staff/patrons/roster/{upload}/apply           DISTRICT_ADMIN
            POST   /staff/patrons/roster/{upload}/mapping         DISTRICT_ADMIN
            GET    /staff/homerooms/{id}               %2$s
            # Patrons: library cards (PATRON_EDIT) and the year-end rollover (ROSTER_MANAGE)
            POST   /staff/homerooms/{id}/cards         %4$s
            GET    /staff/patrons/cards                %4$s
            POST   /staff/patrons/cards                %4$s
            GET    /staff/patrons/rollover             DISTRICT_ADMIN
            POST   /staff/patrons/rollover             DISTRICT_ADMIN
            # Patrons: merging duplicates (PATRON_EDIT); export and erase a patron's records (PATRON_RECORDS)
            GET    /staff/patrons/{id}/merge           %4$s
            POST   /staff/patrons/{id}/merge           %4$s
            GET    /staff/patrons/{id}/export          DISTRICT_ADMIN
            GET    /staff/patrons/{id}/erase           DISTRICT_ADMIN
            POST   /staff/patrons/{id}/erase           DISTRICT_ADMIN
            GET    /api/v1/patrons                     %1$s
            GET    /api/v1/patrons/{id}                %1$s
            GET    /api/v1/schools                     public
            GET    /api/v1/schools/{code}              public
            POST   /api/v1/schools                     DISTRICT_ADMIN
            GET    /api/v1/search                      public
            GET    /api/v1/search/suggestions          public
            GET    /v3/api-docs                        public
            GET    /v3/api-docs.yaml                   public
            # Circulation: a patron's loans, holds and charges (LOANS_VIEW; changes to charges CHARGES_MANAGE),
            # overdue lists and their PDF (LOANS_VIEW), bulk forgiveness (CHARGES_FORGIVE), jobs now (DISTRICT_EDIT)
            GET    /staff/circulation/patrons/{patronId}                                 %5$s
            POST   /staff/circulation/patrons/{patronId}/loans/{loanId}/renew            %5$s
            POST   /staff/circulation/patrons/{patronId}/loans/{loanId}/lost             %5$s
            POST   /staff/circulation/patrons/{patronId}/loans/{loanId}/claimed-returned %5$s
            POST   /staff/circulation/patrons/{patronId}/charges                         %5$s
            POST   /staff/circulation/patrons/{patronId}/charges/{chargeId}/pay          %5$s
            POST   /staff/circulation/patrons/{patronId}/charges/{chargeId}/waive        %5$s
            GET    /staff/circulation/overdues                                           %5$s
            GET    /staff/circulation/overdues/homerooms.pdf                             %5$s
            GET    /staff/circulation/charges/forgive                                    DISTRICT_ADMIN LIBRARIAN
            POST   /staff/circulation/charges/forgive                                    DISTRICT_ADMIN LIBRARIAN
            POST   /staff/circulation/jobs/run                                           DISTRICT_ADMIN
            # Circulation: holds pages for staff (HOLDS_MANAGE); the catalogue's self-service (OWN_BORROWING)
            GET    /staff/circulation/holds            DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL
            GET    /staff/circulation/holds/records/{recordId}    DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL
            POST   /staff/circulation/holds/records/{recordId}    DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL
            POST   /staff/circulation/holds/{holdId}/cancel       DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL
            POST   /staff/circulation/holds/{holdId}/suspend      DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL
            GET    /catalog/my-library                 DISTRICT_ADMIN TEACHER STUDENT
            POST   /catalog/my-library/loans/{loanId}/renew       DISTRICT_ADMIN TEACHER STUDENT
            POST   /catalog/my-library/holds/{holdId}/cancel      DISTRICT_ADMIN TEACHER STUDENT
            POST   /catalog/records/{recordId}/hold    DISTRICT_ADMIN TEACHER STUDENT
            # Circulation: loan rules (LOAN_RULES_EDIT, one's schools; district-wide rules refused in the handler with
            # a message to all but district admins) and the circulation settings (DISTRICT_EDIT)
            GET    /staff/circulation/rules            DISTRICT_ADMIN LIBRARIAN
            GET    /staff/circulation/rules/preview    DISTRICT_ADMIN LIBRARIAN
            GET    /staff/circulation/rules/new        DISTRICT_ADMIN LIBRARIAN
            POST   /staff/circulation/rules            DISTRICT_ADMIN LIBRARIAN
            GET    /staff/circulation/rules/{id}/edit  DISTRICT_ADMIN LIBRARIAN
            POST   /staff/circulation/rules/{id}       DISTRICT_ADMIN LIBRARIAN
            GET    /staff/circulation/rules/{id}/delete           DISTRICT_ADMIN LIBRARIAN
            POST   /staff/circulation/rules/{id}/delete           DISTRICT_ADMIN LIBRARIAN
            POST   /staff/circulation/rules/recommended           DISTRICT_ADMIN LIBRARIAN
            GET    /staff/circulation/rules/settings   DISTRICT_ADMIN
            POST   /staff/circulation/rules/settings   DISTRICT_ADMIN
            # Circulation: the desk (CIRCULATION_DESK), overrides (CIRCULATION_OVERRIDE), renew-all (LOANS_VIEW)
            GET    /staff/circulation/desk             DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL VOLUNTEER
            POST   /staff/circulation/desk/school      DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL VOLUNTEER
            POST   /staff/circulation/desk/scan        DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL VOLUNTEER
            POST   /staff/circulation/desk/override    DISTRICT_ADMIN LIBRARIAN
            POST   /staff/circulation/desk/renew-all   DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL
            POST   /staff/circulation/desk/next-patron DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL VOLUNTEER
            GET    /staff/circulation/desk/receipt     DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL VOLUNTEER
            GET    /staff/circulation/class-set        DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL VOLUNTEER
            POST   /staff/circulation/class-set        DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL VOLUNTEER
            # Circulation: JSON API (desk by barcode; a patron's loans; holds)
            POST   /api/v1/circulation/checkouts       DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL VOLUNTEER
            POST   /api/v1/circulation/checkins        DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL VOLUNTEER
            POST   /api/v1/circulation/renewals        DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL VOLUNTEER
            GET    /api/v1/circulation/loans           DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL
            GET    /api/v1/circulation/loans/{id}      DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL
            POST   /api/v1/circulation/holds           DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL
            GET    /api/v1/circulation/holds           DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL
            GET    /api/v1/circulation/holds/{id}      DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL
            DELETE /api/v1/circulation/holds/{id}      DISTRICT_ADMIN LIBRARIAN PARAPROFESSIONAL
            """.formatted(STAFF, DISTRICT_READERS, EVERYONE_SIGNED_IN, CATALOG_EDITORS, LOAN_STAFF);

    /** Endpoints outside Spring MVC's controllers (Actuator), checked the same way. */
    private static final String ACTUATOR = """
            GET    /actuator/health                    public
            GET    /actuator/prometheus                DISTRICT_ADMIN
            """;

    /** Who may call an endpoint: anyone (public), or signed-in people with one of these roles. */
    private record Access(boolean isPublic, Set<Role> roles) {
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    /** Carrel's own controllers; a library's (springdoc's /v3/api-docs) is opened in SecurityConfiguration. */
    @Test
    void everyEndpointDeclaresWhoMayCallIt() {
        List<String> undeclared = mapping.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getValue().getBeanType().getName().startsWith("org.carrel."))
                .filter(e -> !declares(e.getValue()))
                .map(e -> e.getKey() + " -> " + e.getValue())
                .toList();
        assertThat(undeclared).as("endpoints without @Allowed or @PublicEndpoint (refused to everybody)").isEmpty();
    }

    @Test
    void theTableListsExactlyTheApplicationsEndpoints() {
        Set<String> actual = new TreeSet<>();
        mapping.getHandlerMethods().keySet().forEach(info -> actual.addAll(keysOf(info)));
        assertThat(new TreeSet<>(parse(TABLE).keySet()))
                .as("add each new endpoint to PermissionTableTest.TABLE with the roles that may call it")
                .isEqualTo(actual);
    }

    @Test
    void eachRoleReachesExactlyTheEndpointsTheTableGivesIt() throws Exception {
        Map<String, Access> table = new LinkedHashMap<>(parse(TABLE));
        table.putAll(parse(ACTUATOR));
        table.remove("* /error");
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Access> row : table.entrySet()) {
            String[] parts = row.getKey().split(" ", 2);
            Access access = row.getValue();
            for (Role role : Role.values()) {
                boolean reached = reaches(parts[0], parts[1], role);
                if (reached != (access.isPublic() || access.roles().contains(role))) {
                    wrong.add(row.getKey() + " as " + role + (reached ? " got through" : " was refused"));
                }
            }
            if (reaches(parts[0], parts[1], null) != access.isPublic()) {
                wrong.add(row.getKey() + " for a visitor " + (access.isPublic() ? "was refused" : "got through"));
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Map<String, Access> parse(String table) {
        Map<String, Access> rows = new LinkedHashMap<>();
        table.lines().filter(line -> !line.isBlank() && !line.strip().startsWith("#")).forEach(line -> {
            String[] cells = line.trim().split("\\s+");
            boolean isPublic = cells[2].equals("public");
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (!isPublic) {
                Arrays.stream(cells).skip(2).map(Role::valueOf).forEach(roles::add);
            }
            rows.put(cells[0] + " " + cells[1], new Access(isPublic, roles));
        });
        return rows;
    }

    private static List<String> keysOf(RequestMappingInfo info) {
        Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("*")
                : info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
        List<String> keys = new ArrayList<>();
        for (String method : methods) {
            for (String pattern : info.getPatternValues()) {
                keys.add(method + " " + pattern);
            }
        }
        return keys;
    }

    private static boolean declares(HandlerMethod handler) {
        return handler.hasMethodAnnotation(Allowed.class) || handler.hasMethodAnnotation(PublicEndpoint.class)
                || handler.getBeanType().isAnnotationPresent(Allowed.class)
                || handler.getBeanType().isAnnotationPresent(PublicEndpoint.class);
    }

    /**
     * Whether the request passes the permission check: not 401, not 403, not sent to the sign-in page. Path
     * variables get a placeholder; the handler may then answer 404 or 422, which still means it was reached. Staff
     * act for every school, so school scoping inside a handler does not count as a refusal here.
     */
    private boolean reaches(String method, String path, Role role) throws Exception {
        String concrete = path.replaceAll("\\{[^}]+}", "1");
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), concrete);
        if (!method.equals("GET")) {
            request.with(csrf());
        }
        if (path.startsWith("/api/") && !method.equals("GET")) {
            // The API consumes JSON; without it Spring MVC would answer 415 before any permission check.
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        if (role != null) {
            request.with(Users.as(role, LongStream.rangeClosed(1, 50).boxed().toArray(Long[]::new)));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        int status = response.getStatus();
        String location = response.getRedirectedUrl();
        return status != 401 && status != 403 && (location == null || !location.endsWith("/login"));
    }
}
