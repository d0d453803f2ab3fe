package org.carrel.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.carrel.accounts.Role;
import org.carrel.district.District;
import org.carrel.district.SchoolForm;
import org.carrel.district.SchoolView;
import org.carrel.testing.CarrelTest;
import org.carrel.testing.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** OneRoster packages written by the test: what a preview shows, what applying does, and every rejection. */
@CarrelTest
class RosterImportTest {

    private static final AtomicInteger RUNS = new AtomicInteger();

    @Autowired
    RosterImport imports;
    @Autowired
    Patrons patrons;
    @Autowired
    District district;
    @Autowired
    ImportRosterCommand command;
    @Autowired
    MockMvc mvc;
    @org.springframework.beans.factory.annotation.Value("${carrel.data-dir}")
    String dataDir;
    @TempDir
    Path temp;

    /** A district school with a code of its own, and the ids the package uses (unique per test). */
    private record Fixture(String code, String prefix, long schoolId) {
        String id(String local) {
            return prefix + local;
        }
    }

    private Fixture fixture() {
        int run = RUNS.incrementAndGet();
        String code = "RS" + run;
        assertThat(district.createSchool(new SchoolForm(code, "Roster School " + run, "K", "8", "ELEMENTARY", null,
                null, null, null, null, null), "test").saved()).isTrue();
        return new Fixture(code, "r" + run + "-", district.school(code).orElseThrow().id());
    }

    private static RosterImport.Options preview() {
        return new RosterImport.Options(null, false, false, true);
    }

    private static RosterImport.Options apply() {
        return new RosterImport.Options(null, false, false, false);
    }

    /** A OneRoster 1.1 package: a school and its department, a homeroom, six users, a term. */
    private Path package11(Fixture f, String extraUsers) throws IOException {
        Path folder = Files.createDirectories(temp.resolve("p" + RUNS.incrementAndGet()));
        write(folder, "manifest.csv", "propertyName,value\nmanifest.version,1.0\noneroster.version,1.1\n"
                + "file.users,bulk\n");
        write(folder, "orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
                + f.id("district") + ",active,2026-08-01,Riverbend,district,,\n"
                + f.id("school") + ",active,2026-08-01,Whatever The Name,school," + f.code().toLowerCase() + ","
                + f.id("district") + "\n"
                + f.id("library") + ",active,2026-08-01,Library,department,LIB," + f.id("school") + "\n");
        write(folder, "users.csv", "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,"
                + "userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n"
                + f.id("s1") + ",active,2026-08-01,true,\"" + f.id("school") + "\",student,sofia,,Sofía,García,,"
                + f.id("N1") + ",,,," + f.id("g1") + ",03,\n"
                + f.id("s2") + ",active,1/05/2023,true," + f.id("library") + ",student,kai,,Kai,Nguyễn,,"
                + f.id("N2") + ",kai@example.org,,,,KG,\n"
                + f.id("t1") + ",,,true," + f.id("school") + ",teacher,lee,,Lee,Park,,lee.park,lee@example.org,,,,,\n"
                + f.id("g1") + ",,,true," + f.id("school") + ",guardian,rosa,,Rosa,García,,,rosa@example.org,,,"
                + f.id("s1") + ",,\n"
                + f.id("a1") + ",,,true," + f.id("school") + ",aide,sam,,Sam,Ortiz,,,,,,,,\n"
                + f.id("s3") + ",,,true," + f.id("school") + ",student,ana,,Ana,Lopez,,,,,,,,\n" + extraUsers);
        write(folder, "classes.csv", "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,"
                + "classType,location,schoolSourcedId,termSourcedIds\n"
                + f.id("hr") + ",active,,Room 12,03,,,homeroom,,"  + f.id("school") + ",\n"
                + f.id("math") + ",active,,Math 3,03,,,scheduled,," + f.id("school") + ",\n");
        write(folder, "enrollments.csv", "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,"
                + "userSourcedId,role,primary,beginDate,endDate\n"
                + "e1,active,,"  + f.id("hr") + "," + f.id("school") + "," + f.id("s1") + ",student,,,\n"
                + "e2,active,," + f.id("hr") + "," + f.id("school") + "," + f.id("t1") + ",teacher,,,\n"
                + "e3,active,," + f.id("math") + "," + f.id("school") + "," + f.id("s2") + ",student,,,\n");
        write(folder, "academicSessions.csv", "sourcedId,status,dateLastModified,title,type,startDate,endDate,"
                + "parentSourcedId,schoolYear\n" + f.id("y") + ",active,,2026-2027,schoolYear,2026-08-17,"
                + "2027-06-04,,2027\n" + f.id("fall") + ",active,,Fall,term,2026-08-17,2026-12-18," + f.id("y")
                + ",2027\n" + f.id("q1") + ",active,,Q1,gradingPeriod,2026-08-17,2026-10-16," + f.id("fall")
                + ",2027\n");
        return folder;
    }

    @Test
    void previewsThenAppliesAndARerunChangesNothing() throws Exception {
        Fixture f = fixture();
        Path roster = package11(f, "");

        RosterReport preview = imports.run(roster, preview(), "test");
        assertThat(preview.rejected()).isEmpty();
        assertThat(List.of(preview.added(), preview.updated(), preview.deactivated())).containsExactly(6, 0, 0);
        assertThat(preview.applied()).isFalse();
        assertThat(patrons.find(f.id("N1"), null, 5)).as("a preview writes nothing").isEmpty();
        assertThat(preview.notes())
                .anyMatch(n -> n.startsWith("1 academic sessions that are neither school years nor terms"))
                .contains("Calendars: 1 school years and 1 terms to set on the schools of the package.");

        RosterReport applied = imports.run(roster, apply(), "test");
        assertThat(applied.json()).isEqualTo("{\"added\":6,\"updated\":0,\"deactivated\":0,\"rejected\":0}");
        assertThat(applied.applied()).isTrue();

        PatronView sofia = view(f.id("N1"));
        assertThat(sofia.type()).isEqualTo(PatronType.STUDENT);
        assertThat(sofia.displayName()).isEqualTo("Sofía García");
        assertThat(sofia.grade().label()).isEqualTo("3");
        assertThat(sofia.schoolId()).isEqualTo(f.schoolId());
        assertThat(sofia.homeroom().name()).isEqualTo("Room 12");
        assertThat(sofia.barcode()).isEqualTo("P" + f.code() + "000001");
        assertThat(sofia.guardians()).extracting(PatronSummary::name).containsExactly("Rosa García");
        PatronView kai = view(f.id("N2"));
        assertThat(kai.grade().label()).as("KG").isEqualTo("K");
        assertThat(kai.schoolId()).as("the department's parent school").isEqualTo(f.schoolId());
        assertThat(kai.email()).isEqualTo("kai@example.org");
        assertThat(patrons.find("sam ortiz", f.schoolId(), 5)).extracting(PatronSummary::type)
                .containsExactly(PatronType.STAFF);
        assertThat(patrons.find("ana lopez", f.schoolId(), 5)).singleElement()
                .satisfies(ana -> assertThat(patrons.view(ana.id(), "test").orElseThrow().grade()).isNull());
        HomeroomView room = patrons.homerooms(f.schoolId()).stream().filter(h -> h.name().equals("Room 12"))
                .findFirst().orElseThrow();
        assertThat(room.teacherName()).isEqualTo("Lee Park");
        assertThat(room.students()).isEqualTo(1);
        assertThat(room.teachersClass()).isFalse();
        HomeroomView math = patrons.homerooms(f.schoolId()).stream().filter(h -> h.name().equals("Math 3"))
                .findFirst().orElseThrow();
        assertThat(math.teachersClass()).isTrue();
        assertThat(patrons.members(math.id())).extracting(HomeroomMember::name).containsExactly("Kai Nguyễn");
        assertThat(kai.homeroom()).as("a class is not a homeroom").isNull();
        var years = district.schoolYears(f.schoolId());
        assertThat(years.keySet()).singleElement().satisfies(year -> {
            assertThat(year.label()).isEqualTo("2026-2027");
            assertThat(year.lastDay()).hasToString("2027-06-04");
        });
        assertThat(years.values().iterator().next()).singleElement().satisfies(term -> {
            assertThat(term.name()).isEqualTo("Fall");
            assertThat(term.endsOn()).hasToString("2026-12-18");
        });

        RosterReport again = imports.run(roster, apply(), "test");
        assertThat(again.json()).isEqualTo("{\"added\":0,\"updated\":0,\"deactivated\":0,\"rejected\":0}");
        assertThat(again.unchanged()).isEqualTo(6);
        assertThat(again.notes()).noneMatch(n -> n.startsWith("Calendars"));
        assertThat(district.schoolYears(f.schoolId()).values().iterator().next()).hasSize(1);
        assertThat(view(f.id("N1")).version()).as("untouched").isEqualTo(sofia.version());
        assertThat(patrons.homerooms(f.schoolId())).hasSize(2);
    }

    @Test
    void aChangedOrMissingUserIsUpdatedOrDeactivatedNeverDeleted() throws Exception {
        Fixture f = fixture();
        imports.run(package11(f, ""), apply(), "test");
        long before = patrons.find(f.id("N1"), null, 1).get(0).id();

        Path next = package11(f, "");
        String users = Files.readString(next.resolve("users.csv"))
                .replace("Sofía,García,," + f.id("N1") + ",,,," + f.id("g1") + ",03",
                        "Sofía,García-Ruiz,," + f.id("N1") + ",,,," + f.id("g1") + ",04")
                .lines().filter(l -> !l.startsWith(f.id("s3"))).reduce("", (a, b) -> a + b + "\n");
        write(next, "users.csv", users);
        RosterReport report = imports.run(next, new RosterImport.Options(null, false, true, false), "test");

        assertThat(report.json()).isEqualTo("{\"added\":0,\"updated\":1,\"deactivated\":1,\"rejected\":0}");
        PatronView sofia = view(f.id("N1"));
        assertThat(sofia.id()).isEqualTo(before);
        assertThat(sofia.familyName()).isEqualTo("García-Ruiz");
        assertThat(sofia.grade().label()).isEqualTo("4");
        assertThat(sofia.barcode()).as("kept").isEqualTo("P" + f.code() + "000001");
        assertThat(patrons.find("ana lopez", f.schoolId(), 5)).singleElement()
                .extracting(PatronSummary::status).isEqualTo(PatronStatus.INACTIVE);
    }

    @Test
    void deactivatingMoreThanFivePercentWaitsForConfirmation() throws Exception {
        Fixture f = fixture();
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            many.append(f.id("m" + i)).append(",,,true,").append(f.id("school")).append(",student,,,Kid,Number")
                    .append(i).append(",,,,,,,05,\n");
        }
        imports.run(package11(f, many.toString()), apply(), "test");
        long active = patrons.find("kid number", f.schoolId(), 100).stream()
                .filter(p -> p.status() == PatronStatus.ACTIVE).count();
        assertThat(active).isEqualTo(60);

        Path without = package11(f, "");
        RosterReport held = imports.run(without, apply(), "test");
        assertThat(held.held()).isTrue();
        assertThat(held.applied()).isFalse();
        assertThat(held.deactivated()).isEqualTo(60);
        assertThat(held.notes().get(0)).startsWith("Held: this import would deactivate 60 of ");
        assertThat(patrons.find("kid number", f.schoolId(), 100)).allMatch(p -> p.status() == PatronStatus.ACTIVE);

        RosterReport confirmed = imports.run(without, new RosterImport.Options(null, false, true, false), "test");
        assertThat(confirmed.applied()).isTrue();
        assertThat(patrons.find("kid number", f.schoolId(), 100)).hasSize(60)
                .allMatch(p -> p.status() == PatronStatus.INACTIVE);
    }

    @Test
    void rejectsEachBadLineWithItsFileLineAndReason() throws Exception {
        Fixture f = fixture();
        Path roster = package11(f, f.id("s1") + ",,,true," + f.id("school") + ",student,,,Twin,García,,,,,,,03,\n"
                + f.id("x1") + ",,,true," + f.id("school") + ",student,,,NoFamily,,,,,,,,03,\n"
                + f.id("x2") + ",,,true,nowhere,student,,,Lost,Child,,,,,,,03,\n"
                + f.id("x3") + ",,,true," + f.id("school") + ",student,,,Too,Old,,,,,,,13,\n"
                + f.id("x4") + ",,,true," + f.id("school") + ",wizard,,,Mer,Lin,,,,,,,,\n"
                + f.id("x5") + ",,,true," + f.id("school") + ",student,,,Same,Number,," + f.id("N1") + ",,,,,03,\n");
        write(roster, "classes.csv", "sourcedId,title,schoolSourcedId\n" + f.id("hr") + ",Room 12,"
                + f.id("school") + "\n");
        write(roster, "academicSessions.csv", "sourcedId,title,type,startDate,endDate\n"
                + "y1,Year,schoolYear,2026-13-45,2027-06-04\ny2,Year,schoolYear,2027-08-17,2027-06-04\n"
                + "y3,Year,schoolYear,2026-08-17,2027-06-04\ny4,Odd year,schoolYear,2027-01-04,2027-12-17\n"
                + "t1,Summer,term,2027-07-01,2027-07-30\n");

        RosterReport report = imports.run(roster, apply(), "test");

        assertThat(report.rejected()).extracting(RosterProblem::toString).containsExactlyInAnyOrder(
                "classes.csv:1: bad header: no column classType",
                "academicSessions.csv:2: bad date: startDate '2026-13-45' is not a date like 2026-08-17",
                "academicSessions.csv:3: bad date: endDate 2027-06-04 is before startDate 2027-08-17",
                "academicSessions.csv:5: bad date: the school year 2027-01-04 to 2027-12-17 overlaps the year"
                        + " 2026-2027 of a school",
                "academicSessions.csv:6: bad date: the term 'Summer' (2027-07-01 to 2027-07-30) lies in no school"
                        + " year of its schools",
                "users.csv:8: duplicate id: '" + f.id("s1") + "' is on line 2 too",
                "users.csv:9: missing required field: familyName",
                "users.csv:10: unknown school: no school for the org 'nowhere'",
                "users.csv:11: bad grade: '13' is not PK, KG or 01 to 12",
                "users.csv:12: unknown role: 'wizard'",
                "users.csv:13: duplicate id: the student number '" + f.id("N1").toUpperCase() + "' is on line 2 too");
        assertThat(report.added()).as("the good lines are still imported").isEqualTo(6);
    }

    @Test
    void readsByteOrderMarksQuotedFieldsExtraColumnsAndAnotherColumnOrderFromAZip() throws Exception {
        Fixture f = fixture();
        Path zip = temp.resolve("roster.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "export/manifest.csv", "\uFEFFpropertyName,value\noneroster.version,1.2\n");
            entry(out, "export/orgs.csv", "type,sourcedId,name,identifier,metadata.county\r\nschool,"
                    + f.id("school") + ",\"Roster School, Main\"," + f.code() + ",Marion\r\n");
            entry(out, "export/users.csv", "\uFEFFsourcedId,givenName,familyName,prefferedGivenName,"
                    + "primaryOrgSourcedId,grades,identifier,metadata.note\r\n"
                    + f.id("u1") + ",\"Zoë\nMarie\",\"O'Brien, Jr.\",Zo," + f.id("school") + ",\"05,06\","
                    + f.id("Z1") + ",\"said \"\"hi\"\"\"\r\n"
                    + f.id("u2") + ",Ōta,Hiroshi,," + f.id("school") + ",PK," + f.id("Z2") + ",\r\n");
            entry(out, "export/roles.csv", "sourcedId,userSourcedId,roleType,role,orgSourcedId,,\r\n"
                    + "r1," + f.id("u1") + ",secondary,teacher," + f.id("school") + ",,\r\n"
                    + "r2," + f.id("u1") + ",primary,student," + f.id("school") + ",,\r\n"
                    + "r3," + f.id("u2") + ",primary,student," + f.id("school") + ",,\r\n");
        }

        RosterReport report = imports.run(zip, apply(), "test");

        assertThat(report.rejected()).isEmpty();
        assertThat(report.added()).isEqualTo(2);
        PatronView zoe = view(f.id("Z1"));
        assertThat(zoe.givenName()).isEqualTo("Zoë\nMarie");
        assertThat(zoe.familyName()).isEqualTo("O'Brien, Jr.");
        assertThat(zoe.preferredName()).as("1.2 preferred name, as real packages spell it").isEqualTo("Zo");
        assertThat(zoe.type()).as("the primary role").isEqualTo(PatronType.STUDENT);
        assertThat(zoe.grade().label()).isEqualTo("5");
        assertThat(view(f.id("Z2")).grade().label()).isEqualTo("PK");
    }

    @Test
    void aDepartmentWithoutItsParentNeedsASchoolToBeNamed() throws Exception {
        Fixture f = fixture();
        Path roster = Files.createDirectories(temp.resolve("orphan"));
        write(roster, "orgs.csv", "sourcedId,name,type,identifier,parentSourcedId\n"
                + f.id("dept") + ",History Department,department,History," + f.id("missing") + "\n");
        write(roster, "users.csv", "sourcedId,orgSourcedIds,role,givenName,familyName,grades\n"
                + f.id("u") + "," + f.id("dept") + ",student,Mary,Jones,12\n");

        RosterReport without = imports.run(roster, preview(), "test");
        assertThat(without.rejected()).extracting(RosterProblem::toString).containsExactly(
                "orgs.csv:2: unknown school: this department has no parent school in the package (parent '"
                        + f.id("missing") + "')",
                "users.csv:2: unknown school: no school for the org '" + f.id("dept") + "'");

        RosterReport with = imports.run(roster, new RosterImport.Options(f.code(), false, false, false), "test");
        assertThat(with.rejected()).isEmpty();
        assertThat(patrons.find("mary jones", f.schoolId(), 5)).hasSize(1);
    }

    @Test
    void anUnknownSchoolIsCreatedOnlyWhenConfirmed() throws Exception {
        Fixture f = fixture();
        String code = "NEW" + f.code();
        Path roster = Files.createDirectories(temp.resolve("new-school"));
        write(roster, "orgs.csv", "sourcedId,name,type,identifier\n" + f.id("new") + ",Brand New Academy,school,"
                + code + "\n");
        write(roster, "users.csv", "sourcedId,orgSourcedIds,role,givenName,familyName,grades\n"
                + f.id("u") + "," + f.id("new") + ",student,Ada,Byron,07\n");

        assertThat(imports.run(roster, apply(), "test").rejected()).extracting(RosterProblem::reason)
                .first().asString().startsWith("unknown school: the district has no school with the code '" + code);
        assertThat(district.school(code)).isEmpty();

        RosterReport created = imports.run(roster, new RosterImport.Options(null, true, false, false), "test");
        assertThat(created.rejected()).isEmpty();
        SchoolView school = district.school(code).orElseThrow();
        assertThat(school.name()).isEqualTo("Brand New Academy");
        assertThat(patrons.find("ada byron", school.id(), 5)).hasSize(1);
        assertThat(imports.run(roster, apply(), "test").json()).as("remembered: no confirmation needed again")
                .isEqualTo("{\"added\":0,\"updated\":0,\"deactivated\":0,\"rejected\":0}");
    }

    @Test
    void refusesWhatIsNotARosterPackage() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertThatThrownBy(() -> imports.run(empty, preview(), "test"))
                .isInstanceOf(RosterImport.UnreadablePackage.class)
                .hasMessageContaining("no CSV file");
        Path notZip = Files.writeString(temp.resolve("roster.zip"), "not a zip");
        assertThatThrownBy(() -> imports.run(notZip, preview(), "test"))
                .isInstanceOf(RosterImport.UnreadablePackage.class);
        Path many = temp.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(many))) {
            for (int i = 0; i <= RosterFiles.MAX_FILES; i++) {
                entry(out, "f" + i + ".csv", "a\n");
            }
        }
        assertThatThrownBy(() -> imports.run(many, preview(), "test")).hasMessageContaining("more than");
        Path noUsers = Files.createDirectories(temp.resolve("no-users"));
        write(noUsers, "orgs.csv", "sourcedId,name,type\n");
        write(noUsers, "bad.csv", "x\n");
        assertThat(imports.run(noUsers, preview(), "test").rejected()).extracting(RosterProblem::toString)
                .containsExactly("users.csv:0: missing file: the package has no users.csv");
        Path latin1 = Files.createDirectories(temp.resolve("latin1"));
        write(latin1, "orgs.csv", "sourcedId,name,type\n");
        Files.write(latin1.resolve("users.csv"), "sourcedId,givenName,familyName\nu,Jos\u00e9,P\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(imports.run(latin1, preview(), "test").rejected()).extracting(RosterProblem::toString)
                .containsExactly("users.csv:1: bad encoding: the file is not UTF-8 text");
    }

    @Test
    void theCommandPrintsRejectedLinesThenTheCountsAsJson() throws Exception {
        Fixture f = fixture();
        Path roster = package11(f, f.id("x") + ",,,true,nowhere,student,,,Lost,Child,,,,,,,03,\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = command.run(List.of(roster.toString(), "--dry-run", "--json"), print(out), print(err));

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(code).isEqualTo(1);
        assertThat(lines.get(0)).isEqualTo("users.csv:8: unknown school: no school for the org 'nowhere'");
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("{\"added\":6,\"updated\":0,\"deactivated\":0,\"rejected\":1}");
        assertThat(patrons.find(f.id("N1"), null, 1)).as("dry run").isEmpty();
        assertThat(command.run(List.of(), print(out), print(err))).isEqualTo(2);
        assertThat(command.run(List.of(temp.resolve("nothing-here").toString()), print(out), print(err)))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no folder or zip file at");
    }

    @Test
    void theUploadPageShowsThePreviewThenApplies() throws Exception {
        Fixture f = fixture();
        Path folder = package11(f, f.id("x") + ",,,true,nowhere,student,,,Lost,Child,,,,,,,03,\n");
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped); Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                entry(zip, file.getFileName().toString(), Files.readString(file));
            }
        }
        MockMultipartFile upload = new MockMultipartFile("file", "roster.zip", "application/zip", zipped.toByteArray());

        String preview = mvc.perform(multipart("/staff/patrons/roster").file(upload).with(csrf())
                        .with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("users.csv", "unknown school: no school for the org 'nowhere'", "Sofía García");
        assertThat(patrons.find(f.id("N1"), null, 1)).as("only previewed").isEmpty();
        Matcher action = Pattern.compile("/staff/patrons/roster/([0-9a-f-]{36})/apply").matcher(preview);
        assertThat(action.find()).isTrue();

        mvc.perform(post(action.group()).with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("The roster was imported.")));
        assertThat(patrons.find(f.id("N1"), null, 1)).hasSize(1);
        Path uploads = Path.of(dataDir, "uploads");
        assertThat(uploads.resolve("roster-" + action.group(1) + ".zip")).as("removed once applied").doesNotExist();
        Path forgotten = Files.writeString(uploads.resolve("roster-00000000-0000-0000-0000-000000000000.zip"), "x");
        Files.setLastModifiedTime(forgotten, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(2))));
        mvc.perform(multipart("/staff/patrons/roster").file(upload).with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk());
        assertThat(forgotten).as("a preview left for two days is deleted by the next upload").doesNotExist();
        mvc.perform(post(action.group()).with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/staff/patrons/roster/..%2F..%2Fetc/apply").with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().is4xxClientError());
        mvc.perform(post("/staff/patrons/roster/passwd/apply").with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/staff/patrons/roster").with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Choose the zip file to import.")));
        mvc.perform(multipart("/staff/patrons/roster").file(new MockMultipartFile("file", "x.zip", "application/zip",
                        "not a zip".getBytes(StandardCharsets.UTF_8))).with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("cannot be read as a OneRoster package")));
    }

    @Test
    void aPlainCsvIsReadWithTheSavedColumnMapping() throws Exception {
        Fixture f = fixture();
        Path csv = temp.resolve("students.csv");
        write(temp, "students.csv", "\uFEFFStudent ID,First Name,Last Name,Grade Level,School,Homeroom,Parent Email\r\n"
                + f.id("C1") + ",Amara,\"Okafor, Jr.\",2," + f.code() + ",Room 4,amara.family@example.org\r\n"
                + f.id("C2") + ",,Lee,3," + f.code() + ",Room 4,\r\n"
                + f.id("C3") + ",Bo,Lee,3,Roster School " + f.code().substring(2) + ",Room 5,\r\n");
        List<String> headers = imports.headers(csv);
        CsvMapping guessed = CsvMapping.guess(headers);
        assertThat(guessed.columns()).containsEntry(CsvMapping.Field.ID, "Student ID")
                .containsEntry(CsvMapping.Field.GIVEN_NAME, "First Name")
                .containsEntry(CsvMapping.Field.FAMILY_NAME, "Last Name")
                .containsEntry(CsvMapping.Field.GRADE, "Grade Level").containsEntry(CsvMapping.Field.SCHOOL, "School")
                .containsEntry(CsvMapping.Field.HOMEROOM, "Homeroom")
                .containsEntry(CsvMapping.Field.EMAIL, "Parent Email");

        RosterReport report = imports.runCsv(csv, guessed, apply(), "test");

        assertThat(report.rejected()).extracting(RosterProblem::toString)
                .containsExactly("students.csv:3: missing required field: First Name");
        assertThat(report.added()).isEqualTo(2);
        PatronView amara = view(f.id("C1"));
        assertThat(amara.familyName()).isEqualTo("Okafor, Jr.");
        assertThat(amara.homeroom().name()).isEqualTo("Room 4");
        assertThat(amara.schoolId()).isEqualTo(f.schoolId());
        assertThat(view(f.id("C3")).schoolId()).as("the school by its name").isEqualTo(f.schoolId());
        assertThat(imports.runCsv(csv, guessed, apply(), "test").json())
                .isEqualTo("{\"added\":0,\"updated\":0,\"deactivated\":0,\"rejected\":1}");
        assertThat(imports.runCsv(csv, new CsvMapping(Map.of(CsvMapping.Field.ID, "Student ID")), preview(), "test")
                .rejected()).extracting(RosterProblem::reason).containsExactly("bad mapping: no column chosen for"
                        + " [given name, family name]");
        assertThat(imports.runCsv(csv, new CsvMapping(Map.of(CsvMapping.Field.ID, "Student ID",
                CsvMapping.Field.GIVEN_NAME, "First", CsvMapping.Field.FAMILY_NAME, "Last Name")), preview(), "test")
                .rejected()).extracting(RosterProblem::toString)
                .containsExactly("students.csv:1: bad header: no column First");
    }

    @Test
    void theCommandSavesAMappingGivenWithMapAndUsesItNextTime() throws Exception {
        Fixture f = fixture();
        write(temp, "kids.csv", "ID;First;Last;Gr\n".replace(';', ',') + f.id("K1") + ",Ada,Byron,4\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String file = temp.resolve("kids.csv").toString();

        assertThat(command.run(List.of(file, "--school", f.code(), "--map", "id=ID", "--map", "given-name=First",
                "--map", "family-name=Last", "--map", "grade=Gr", "--json"), print(out), print(err))).isEqualTo(0);
        assertThat(imports.savedMapping().column(CsvMapping.Field.GRADE)).isEqualTo("Gr");
        assertThat(view(f.id("K1")).grade().label()).isEqualTo("4");
        out.reset();
        assertThat(command.run(List.of(file, "--school", f.code(), "--json"), print(out), print(err))).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("{\"added\":0,\"updated\":0,\"deactivated\":0,\"rejected\":0}");
        assertThat(command.run(List.of(file, "--map", "shoe-size=Gr"), print(out), print(err))).isEqualTo(2);
    }

    @Test
    void aCsvUploadAsksForTheColumnsThenPreviewsAndApplies() throws Exception {
        Fixture f = fixture();
        String csv = "Student ID,First Name,Surname,Grade,Building\n" + f.id("W1") + ",Wen,Li,1," + f.code() + "\n";
        MockMultipartFile upload = new MockMultipartFile("file", "export.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));

        String mappingPage = mvc.perform(multipart("/staff/patrons/roster").file(upload).with(csrf())
                        .with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(mappingPage).contains("<option value=\"Surname\" selected>Surname</option>");
        Matcher action = Pattern.compile("/staff/patrons/roster/([0-9a-f-]{36})/mapping").matcher(mappingPage);
        assertThat(action.find()).isTrue();

        mvc.perform(post(action.group()).with(csrf()).with(Users.as(Role.DISTRICT_ADMIN))
                        .param("column.ID", "Student ID").param("column.GIVEN_NAME", "")
                        .param("column.FAMILY_NAME", "Surname"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Choose the column that holds this value.")));
        String preview = mvc.perform(post(action.group()).with(csrf()).with(Users.as(Role.DISTRICT_ADMIN))
                        .param("column.ID", "Student ID").param("column.GIVEN_NAME", "First Name")
                        .param("column.FAMILY_NAME", "Surname").param("column.GRADE", "Grade")
                        .param("column.SCHOOL", "Building"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("Wen Li");
        assertThat(imports.savedMapping().column(CsvMapping.Field.SCHOOL)).isEqualTo("Building");
        mvc.perform(post(action.group().replace("/mapping", "/apply")).with(csrf()).with(Users.as(Role.DISTRICT_ADMIN)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("The roster was imported.")));
        assertThat(view(f.id("W1")).grade().label()).isEqualTo("1");
    }

    private PatronView view(String studentNumber) {
        List<PatronSummary> found = patrons.find(studentNumber, null, 2);
        assertThat(found).as(studentNumber).hasSize(1);
        return patrons.view(found.get(0).id(), "test").orElseThrow();
    }

    private static void write(Path folder, String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static PrintStream print(OutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

}
