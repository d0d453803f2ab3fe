package org.carrel.patrons;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.carrel.district.District;
import org.carrel.district.Grade;
import org.carrel.district.SchoolView;
import org.carrel.shared.DemoData;
import org.springframework.stereotype.Component;

/**
 * The demo district's patrons: in every school, one homeroom per grade with its teacher and ten students (names
 * from a fixed list, so every demo district is the same), and a guardian for every third student. Runs after the
 * district, accounts and catalogue (order 400).
 */
@Component
class PatronsDemoData implements DemoData {

    static final int STUDENTS_PER_HOMEROOM = 10;
    private static final String ACTOR = "demo";
    private static final List<String> GIVEN = List.of("Ava", "Liam", "Sofía", "Noah", "Mia", "Mateo", "Zoë",
            "Elijah", "Aaliyah", "Lucas", "Chloé", "Aarav", "Hana", "Diego", "Amara", "Kai", "Isabella", "Omar",
            "Mei", "Jayden", "Priya", "Santiago", "Leilani", "Ethan", "Fatima", "Hiroshi", "Grace", "Kwame",
            "Valentina", "Oliver", "Nia", "Ximena", "Benjamin", "Ana", "Dmitri", "Layla", "Tomás", "Emma", "Yusuf",
            "Camila");
    private static final List<String> FAMILY = List.of("García", "Smith", "Nguyễn", "Johnson", "Hernández",
            "Williams", "Okafor", "Brown", "Kim", "Martínez", "Patel", "Davis", "López", "Wilson", "Chen",
            "Anderson", "Rodríguez", "Thomas", "Haddad", "Moore", "Yamamoto", "Jackson", "Pérez", "White", "Singh",
            "Harris", "González", "Clark", "Mensah", "Lewis", "Ramírez", "Walker", "Kowalski", "Young", "Díaz",
            "Allen", "O'Brien", "King", "Ahmed", "Scott");
    private static final List<String> TEACHERS = List.of("Rivera", "Bennett", "Castillo", "Foster", "Tanaka",
            "Hughes", "Morales", "Price", "Ortiz", "Reed", "Alvarez", "Bryant", "Cruz", "Ward", "Flores", "Powell",
            "Gomez", "Long", "Vargas", "Perry", "Chavez", "Butler", "Ramos", "Barnes", "Mendoza", "Ross",
            "Jimenez", "Coleman", "Ruiz", "Jenkins");

    private final Patrons patrons;
    private final District district;
    private final Clock clock;

    PatronsDemoData(Patrons patrons, District district, Clock clock) {
        this.patrons = patrons;
        this.district = district;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public List<String> seed() {
        int students = 0;
        int teachers = 0;
        int guardians = 0;
        int n = 0;
        int schoolYearEnd = LocalDate.now(clock).getMonthValue() >= 7 ? LocalDate.now(clock).getYear() + 1
                : LocalDate.now(clock).getYear();
        for (SchoolView school : district.schools()) {
            for (int grade = school.lowestGrade().value(); grade <= school.highestGrade().value(); grade++) {
                Grade g = Grade.of(grade);
                String homeroom = "Room " + (grade < 1 ? 100 + grade + 1 : 100 * grade + 1) + " (" + g.label() + ")";
                String teacher = TEACHERS.get(teachers % TEACHERS.size());
                require(patrons.create(new PatronForm("TEACHER", GIVEN.get((teachers * 3 + 1) % GIVEN.size()),
                        teacher, "", school.code(), "", "", "", homeroom, "",
                        teacher.toLowerCase(java.util.Locale.ROOT) + "@riverbend.example", "en", "", "", null), ACTOR));
                teachers++;
                for (int i = 0; i < STUDENTS_PER_HOMEROOM; i++, n++) {
                    String given = GIVEN.get((n * 7) % GIVEN.size());
                    String family = FAMILY.get((n * 11 + n / GIVEN.size()) % FAMILY.size());
                    long id = require(patrons.create(new PatronForm("STUDENT", given, family, "", school.code(), "",
                            String.format("S%06d", 100000 + n), g.label(), homeroom,
                            String.valueOf(schoolYearEnd + 12 - grade), "", n % 5 == 0 ? "es" : "en",
                            n % 9 == 0 ? "true" : "", "", null), ACTOR));
                    students++;
                    if (n % 3 == 0) {
                        long guardian = require(patrons.create(new PatronForm("GUARDIAN",
                                GIVEN.get((n * 13 + 5) % GIVEN.size()), family, "", school.code(), "", "", "", "", "",
                                "family" + n + "@example.org", n % 5 == 0 ? "es" : "en", "", "", null), ACTOR));
                        require(patrons.linkGuardian(id, guardian, ACTOR));
                        guardians++;
                    }
                }
            }
        }
        return List.of("Demo patrons: " + students + " students in " + teachers + " homerooms, " + teachers
                + " teachers, " + guardians + " guardians");
    }

    private static long require(PatronsResult result) {
        if (result instanceof PatronsResult.Saved saved) {
            return saved.id();
        }
        throw new IllegalStateException("demo patron refused: " + result.errors().byField());
    }
}
