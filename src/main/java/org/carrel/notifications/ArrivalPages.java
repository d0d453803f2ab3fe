package org.carrel.notifications;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.carrel.accounts.PublicEndpoint;
import org.carrel.district.District;
import org.carrel.district.SchoolView;
import org.carrel.shared.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public catalogue's new arrivals ({@code /catalog/new}) and the same as an Atom 1.0 feed
 * ({@code /catalog/new.atom}): titles with a copy added in the last {@value #DAYS} days, newest first, at a school
 * ({@code school=CODE}) or in the district, narrowed by a subscription's criteria ({@code subject}, {@code dewey},
 * {@code grades}, {@code keywords}; see {@link ArrivalCriteria}). Criteria that cannot be read get the form again
 * with the problems (422), or a 400 for the feed. No sign-in needed.
 */
@Controller
@PublicEndpoint
public class ArrivalPages {

    static final int DAYS = 30;
    static final int SHOWN = 100;
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    /** The criteria as typed in the address, for the form. */
    public record Query(String subject, String dewey, String grades, String keywords, String school) {
    }

    /** What a request asks for: the criteria read, the school, or the problems by parameter. */
    private record Asked(ArrivalCriteria criteria, SchoolView school, FormErrors problems) {
    }

    /** The time a list covers. */
    private record Window(Instant from, Instant to) {
    }

    private final Arrivals arrivals;
    private final District district;
    private final Links links;
    private final MessageSource messages;
    private final Clock clock;

    ArrivalPages(Arrivals arrivals, District district, Links links, MessageSource messages, Clock clock) {
        this.arrivals = arrivals;
        this.district = district;
        this.links = links;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping(Links.NEW_ARRIVALS)
    ModelAndView page(@RequestParam(required = false) String subject, @RequestParam(required = false) String dewey,
                      @RequestParam(required = false) String grades,
                      @RequestParam(required = false) String keywords,
                      @RequestParam(required = false) String school) {
        Query query = new Query(text(subject), text(dewey), text(grades), text(keywords), text(school));
        Asked asked = asked(query);
        ModelAndView view = new ModelAndView("notifications/arrivals");
        view.addObject("query", query);
        view.addObject("errors", asked.problems());
        view.addObject("schools", district.schools());
        view.addObject("school", Optional.ofNullable(asked.school()));
        view.addObject("days", DAYS);
        view.addObject("zone", district.zone());
        view.addObject("schoolNames", schoolNames());
        if (asked.problems().any()) {
            view.addObject("arrivals", List.of());
            view.addObject("feed", Links.NEW_ARRIVALS + ".atom");
            view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return view;
        }
        view.addObject("arrivals", list(asked));
        view.addObject("feed", Links.NEW_ARRIVALS + ".atom" + suffix(asked));
        return view;
    }

    @GetMapping(Links.NEW_ARRIVALS + ".atom")
    ResponseEntity<String> feed(@RequestParam(required = false) String subject,
                                @RequestParam(required = false) String dewey,
                                @RequestParam(required = false) String grades,
                                @RequestParam(required = false) String keywords,
                                @RequestParam(required = false) String school) {
        Asked asked = asked(new Query(text(subject), text(dewey), text(grades), text(keywords), text(school)));
        if (asked.problems().any()) {
            StringBuilder why = new StringBuilder();
            asked.problems().byField().forEach((field, key) -> why.append(field).append(": ")
                    .append(messages.getMessage(key, null, key, LocaleContextHolder.getLocale())).append('\n'));
            return ResponseEntity.badRequest().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                    .body(why.toString());
        }
        String suffix = suffix(asked);
        String districtName = district.settings().name() == null || district.settings().name().isBlank() ? "Carrel"
                : district.settings().name();
        String title = messages.getMessage("notices.arrivals.feedTitle", new Object[] {asked.school() == null
                ? districtName : asked.school().name()}, LocaleContextHolder.getLocale());
        AtomFeed feed = new AtomFeed(links.absolute(Links.NEW_ARRIVALS + suffix), title,
                links.absolute(Links.NEW_ARRIVALS + ".atom" + suffix), links.absolute(Links.NEW_ARRIVALS + suffix),
                districtName);
        return ResponseEntity.ok().contentType(ATOM).body(feed.write(list(asked), window().from(), links));
    }

    private Asked asked(Query query) {
        ArrivalCriteria.Read read = ArrivalCriteria.read(query.subject(), query.dewey(), query.grades(),
                query.keywords());
        Map<String, String> problems = new LinkedHashMap<>(read.problems());
        SchoolView school = null;
        if (query.school() != null) {
            school = district.school(query.school().strip().toUpperCase(Locale.ROOT)).orElse(null);
            if (school == null) {
                problems.put("school", "notices.arrivals.school.unknown");
            }
        }
        return new Asked(read.criteria(), school, new FormErrors(problems));
    }

    private List<Arrival> list(Asked asked) {
        Window window = window();
        return arrivals.matching(asked.criteria(), asked.school() == null ? null : asked.school().id(), window.from(),
                window.to(), SHOWN);
    }

    /** The last {@value #DAYS} days: from that many days before today at midnight, to now (this second included). */
    private Window window() {
        ZoneId zone = district.zone();
        LocalDate today = district.today();
        return new Window(today.minusDays(DAYS).atStartOfDay(zone).toInstant(), clock.instant().plusSeconds(1));
    }

    private static String suffix(Asked asked) {
        String params = asked.criteria().query();
        if (asked.school() != null) {
            params = params + (params.isEmpty() ? "" : "&") + "school="
                    + URLEncoder.encode(asked.school().code(), StandardCharsets.UTF_8);
        }
        return params.isEmpty() ? "" : "?" + params;
    }

    private Map<Long, String> schoolNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        district.schools().forEach(s -> names.put(s.id(), s.name()));
        return names;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
