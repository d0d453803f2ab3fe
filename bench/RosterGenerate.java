import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a OneRoster 1.1 CSV package (a folder) for the demo district's six schools: STUDENTS students spread over
 * the grades of each school, a homeroom of 25 per grade with its teacher, and a guardian for every second student.
 *
 *   java bench/RosterGenerate.java FOLDER STUDENTS [--seed N]
 */
public class RosterGenerate {

    private record School(String code, int lowest, int highest) {
    }

    private static final List<School> SCHOOLS = List.of(new School("OAK", 0, 5), new School("MAPLE", -1, 5),
            new School("CEDAR", 0, 5), new School("LINC", 6, 8), new School("WASH", 6, 8), new School("RHS", 9, 12));
    private static final String[] GIVEN = {"Ava", "Liam", "Sofía", "Noah", "Mia", "Mateo", "Zoë", "Elijah", "Aaliyah",
        "Lucas", "Chloé", "Aarav", "Hana", "Diego", "Amara", "Kai", "Isabella", "Omar", "Mei", "Jayden", "Priya",
        "Santiago", "Leilani", "Ethan", "Fatima", "Hiroshi", "Grace", "Kwame", "Valentina", "Oliver"};
    private static final String[] FAMILY = {"García", "Smith", "Nguyễn", "Johnson", "Hernández", "Williams", "Okafor",
        "Brown", "Kim", "Martínez", "Patel", "Davis", "López", "Wilson", "Chen", "Anderson", "Rodríguez", "Thomas",
        "Haddad", "Moore", "Yamamoto", "Jackson", "Pérez", "White", "Singh", "Harris", "González", "O'Brien"};

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int students = Integer.parseInt(args[1]);
        long seed = args.length > 3 && args[2].equals("--seed") ? Long.parseLong(args[3]) : 42;
        Random random = new Random(seed);
        Files.createDirectories(folder);
        int grades = SCHOOLS.stream().mapToInt(s -> s.highest() - s.lowest() + 1).sum();
        try (Writer manifest = writer(folder, "manifest.csv"); Writer orgs = writer(folder, "orgs.csv");
             Writer users = writer(folder, "users.csv"); Writer classes = writer(folder, "classes.csv");
             Writer enrollments = writer(folder, "enrollments.csv")) {
            manifest.write("propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\nfile.orgs,bulk\n"
                    + "file.users,bulk\nfile.classes,bulk\nfile.enrollments,bulk\n");
            orgs.write("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
                    + "org-district,active,2026-08-01,Riverbend Unified,district,RUSD,\n");
            users.write("sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,"
                    + "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n");
            classes.write("sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,"
                    + "location,schoolSourcedId,termSourcedIds\n");
            enrollments.write("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,"
                    + "primary,beginDate,endDate\n");
            int made = 0;
            int enrollment = 0;
            for (int s = 0; s < SCHOOLS.size(); s++) {
                School school = SCHOOLS.get(s);
                String org = "org-" + school.code().toLowerCase();
                orgs.write(org + ",active,2026-08-01," + school.code() + " School,school," + school.code()
                        + ",org-district\n");
                for (int grade = school.lowest(); grade <= school.highest(); grade++) {
                    int inGrade = s == SCHOOLS.size() - 1 && grade == school.highest() ? students - made
                            : students / grades;
                    String code = grade == -1 ? "PK" : grade == 0 ? "KG" : String.format("%02d", grade);
                    for (int room = 0; room * 25 < inGrade; room++) {
                        String cls = "cls-" + school.code() + "-" + code + "-" + room;
                        String teacher = "t-" + cls;
                        classes.write(cls + ",active,2026-08-01,Room " + code + "-" + (room + 1) + "," + code
                                + ",,,homeroom,," + org + ",\n");
                        users.write(teacher + ",active,2026-08-01,true," + org + ",teacher,,,"
                                + GIVEN[random.nextInt(GIVEN.length)] + "," + FAMILY[random.nextInt(FAMILY.length)]
                                + ",,," + teacher + "@riverbend.example,,,,,\n");
                        enrollments.write("e" + enrollment++ + ",active,," + cls + "," + org + "," + teacher
                                + ",teacher,true,,\n");
                        for (int i = room * 25; i < Math.min(inGrade, (room + 1) * 25); i++) {
                            String id = "s-" + (made + i);
                            String family = FAMILY[random.nextInt(FAMILY.length)];
                            String guardian = (made + i) % 2 == 0 ? "g-" + (made + i) : "";
                            users.write(id + ",active,2026-08-01,true," + org + ",student,,,"
                                    + GIVEN[random.nextInt(GIVEN.length)] + ",\"" + family + "\",,"
                                    + String.format("S%07d", made + i) + ",,,," + guardian + "," + code + ",\n");
                            if (!guardian.isEmpty()) {
                                users.write(guardian + ",active,2026-08-01,true," + org + ",guardian,,,"
                                        + GIVEN[random.nextInt(GIVEN.length)] + ",\"" + family + "\",,,family"
                                        + (made + i) + "@example.org,,," + id + ",,\n");
                            }
                            enrollments.write("e" + enrollment++ + ",active,," + cls + "," + org + "," + id
                                    + ",student,false,,\n");
                        }
                    }
                    made += inGrade;
                }
            }
            System.err.println("wrote " + made + " students to " + folder);
        }
    }

    private static Writer writer(Path folder, String name) throws IOException {
        return Files.newBufferedWriter(folder.resolve(name), StandardCharsets.UTF_8);
    }
}
