package org.carrel.accounts;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.carrel.shared.DemoData;
import org.springframework.stereotype.Component;

/**
 * One demo account for every role, scoped to the demo district's first school, each with a fresh random password
 * that is printed once to the console and never stored in clear.
 */
@Component
class AccountsDemoData implements DemoData {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private record Demo(String username, String name, Role role) {
    }

    private static final List<Demo> DEMO = List.of(
            new Demo("admin", "Dana Admin", Role.DISTRICT_ADMIN),
            new Demo("librarian", "Lee Librarian", Role.LIBRARIAN),
            new Demo("para", "Pat Paraprofessional", Role.PARAPROFESSIONAL),
            new Demo("volunteer", "Val Volunteer", Role.VOLUNTEER),
            new Demo("teacher", "Terry Teacher", Role.TEACHER),
            new Demo("student", "Sam Student", Role.STUDENT),
            new Demo("principal", "Prue Principal", Role.ADMINISTRATOR));

    private final Accounts accounts;
    private final SchoolDirectory schools;
    private final SecureRandom random = new SecureRandom();

    AccountsDemoData(Accounts accounts, SchoolDirectory schools) {
        this.accounts = accounts;
        this.schools = schools;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public List<String> seed() {
        Map<Long, String> names = schools.schoolNames();
        Long firstSchool = names.keySet().stream().findFirst().orElse(null);
        List<String> lines = new ArrayList<>();
        lines.add("Demo accounts (user name / password), shown only this once:");
        for (Demo demo : DEMO) {
            String password = "demo-" + randomWord(10);
            List<Long> scope = firstSchool == null || demo.role() == Role.DISTRICT_ADMIN ? List.of() : List.of(firstSchool);
            AccountResult result = accounts.create(
                    new AccountForm(demo.username(), demo.name(), demo.role(), scope, true, password, null), "demo");
            if (result instanceof AccountResult.Saved) {
                lines.add(String.format("  %-10s %-16s %s%s", demo.username(), password, demo.role().name(),
                        scope.isEmpty() ? "" : ", " + names.get(firstSchool)));
            } else {
                lines.add("  " + demo.username() + ": not created (the user name is taken)");
            }
        }
        return lines;
    }

    private String randomWord(int length) {
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return word.toString();
    }
}
