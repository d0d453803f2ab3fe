package org.carrel.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.carrel.accounts.SchoolDirectory;
import org.carrel.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the demo district on a brand-new installation: every module's {@link DemoData}, in order, in one
 * transaction, then prints what they report (demo user names and passwords) once. Runs after the port has opened,
 * so the sign-in page answers while the demo is being written.
 *
 * <p>{@code carrel.demo}: {@code auto} (default) seeds an embedded H2 database that has no schools yet;
 * {@code true} seeds any database without schools (PostgreSQL only when asked); {@code false} never seeds.
 */
@Component
class DemoDistrictLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDistrictLoader.class);

    private final List<DemoData> contributors;
    private final SchoolDirectory schools;
    private final TransactionTemplate transaction;
    private final String mode;
    private final String databaseUrl;

    DemoDistrictLoader(List<DemoData> contributors, SchoolDirectory schools,
                       TransactionTemplate transaction, @Value("${carrel.demo:auto}") String mode,
                       @Value("${spring.datasource.url:}") String databaseUrl) {
        this.contributors = contributors.stream().sorted(Comparator.comparingInt(DemoData::order)).toList();
        this.schools = schools;
        this.transaction = transaction;
        this.mode = mode;
        this.databaseUrl = databaseUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedIfNew() {
        boolean wanted = switch (mode) {
            case "true" -> true;
            case "auto" -> databaseUrl.startsWith("jdbc:h2:");
            default -> false;
        };
        if (!wanted || !schools.schoolNames().isEmpty()) {
            return;
        }
        List<String> lines = transaction.execute(status -> {
            List<String> all = new ArrayList<>();
            contributors.forEach(contributor -> all.addAll(contributor.seed()));
            return all;
        });
        log.info("Created the demo district");
        StringBuilder banner = new StringBuilder("\n==== Carrel demo district ====\n");
        lines.forEach(line -> banner.append(line).append('\n'));
        banner.append("===============================\n");
        System.out.print(banner);
        System.out.flush();
    }
}
