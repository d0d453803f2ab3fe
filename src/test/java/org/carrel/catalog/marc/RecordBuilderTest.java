package org.carrel.catalog.marc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

class RecordBuilderTest {

    static final LocalDate ENTERED = LocalDate.of(2025, 3, 7);

    static BasicDescription charlottesWeb() {
        return new BasicDescription("Charlotte's web", null, "White, E. B.", List.of("978-0-06-440055-8"),
                "HarperCollins", 1952, List.of("Pigs -- Juvenile fiction", "Spiders -- Juvenile fiction"),
                "A spider saves a pig from slaughter by writing words in her web.", "c", "Lexile 680L", "FIC WHI",
                "BOOK", null);
    }

    static BasicDescription described(String title, String subtitle, String author, String format) {
        return new BasicDescription(title, subtitle, author, List.of(), null, null, List.of(), null, null, null,
                null, format, null);
    }

    @Test
    void aBookHasALeaderForAFullUnicodeIsbdMonograph() {
        String leader = RecordBuilder.build(charlottesWeb(), ENTERED).getLeader().marshal();

        assertThat(leader).hasSize(24);
        assertThat(leader.charAt(5)).isEqualTo('n');
        assertThat(leader.charAt(6)).isEqualTo('a');
        assertThat(leader.charAt(7)).isEqualTo('m');
        assertThat(leader.charAt(9)).isEqualTo('a');
        assertThat(leader.charAt(17)).isEqualTo(' ');
        assertThat(leader.charAt(18)).isEqualTo('i');
        assertThat(leader.substring(20)).isEqualTo("4500");
    }

    @Test
    void eachFormatHasItsTypeOfRecord() {
        assertThat(typeOfRecord("EBOOK")).isEqualTo('a');
        assertThat(typeOfRecord("AUDIOBOOK")).isEqualTo('i');
        assertThat(typeOfRecord("VIDEO")).isEqualTo('g');
        assertThat(typeOfRecord("MUSIC")).isEqualTo('j');
        assertThat(typeOfRecord("KIT")).isEqualTo('o');
        assertThat(typeOfRecord("OBJECT")).isEqualTo('r');
    }

    @Test
    void theFixedFieldCarriesDateEnteredYearPlaceAudienceAndLanguage() {
        String f008 = fixed(RecordBuilder.build(charlottesWeb(), ENTERED));

        assertThat(f008).hasSize(40);
        assertThat(f008.substring(0, 6)).isEqualTo("250307");
        assertThat(f008.charAt(6)).isEqualTo('s');
        assertThat(f008.substring(7, 11)).isEqualTo("1952");
        assertThat(f008.substring(11, 15)).isEqualTo("    ");
        assertThat(f008.substring(15, 18)).isEqualTo("xx ");
        assertThat(f008.charAt(22)).isEqualTo('c');
        assertThat(f008.charAt(23)).isEqualTo(' ');
        assertThat(f008.substring(35, 38)).isEqualTo("eng");
        assertThat(f008.charAt(39)).isEqualTo('d');
    }

    @Test
    void anEbookIsAnOnlineFormOfItemAndAnUnknownYearIsCodedAsUnknownDates() {
        String f008 = fixed(RecordBuilder.build(described("Starfish", null, "Fipps, Lisa", "EBOOK"), ENTERED));

        assertThat(f008.charAt(23)).isEqualTo('o');
        assertThat(f008.charAt(6)).isEqualTo('n');
        assertThat(f008.substring(7, 15)).isEqualTo("uuuuuuuu");
        assertThat(f008.charAt(22)).isEqualTo(' ');
    }

    @Test
    void aVideoCodesTheVisualMaterialsPositions() {
        String f008 = fixed(RecordBuilder.build(described("March of the penguins", null, null, "VIDEO"), ENTERED));

        assertThat(f008).hasSize(40);
        assertThat(f008.charAt(23)).isEqualTo(' ');
        assertThat(f008.charAt(29)).isEqualTo(' ');
        assertThat(f008.charAt(33)).isEqualTo('v');
    }

    @Test
    void isbnsAuthorAndCallNumberAreWrittenAsSubfields() {
        Record record = RecordBuilder.build(charlottesWeb(), ENTERED);

        assertThat(subfields(record, "020")).containsExactly("a=9780064400558");
        assertThat(indicators(record, "100")).isEqualTo("1 ");
        assertThat(subfields(record, "100")).containsExactly("a=White, E. B.");
        assertThat(subfields(record, "092")).containsExactly("a=FIC", "b=WHI");
    }

    @Test
    void anAuthorKnownByASingleNameIsEnteredUnderTheForename() {
        Record record = RecordBuilder.build(described("The Odyssey", null, "Homer", "BOOK"), ENTERED);

        assertThat(indicators(record, "100")).isEqualTo("0 ");
        assertThat(indicators(record, "245")).isEqualTo("14");
    }

    @Test
    void aDeweyCallNumberSplitsIntoClassAndCutter() {
        BasicDescription d = new BasicDescription("Big cats", null, "Simon, Seymour", List.of(), null, null,
                List.of(), null, null, null, "599.75 SIM", "BOOK", null);

        assertThat(subfields(RecordBuilder.build(d, ENTERED), "092")).containsExactly("a=599.75", "b=SIM");
    }

    @Test
    void theTitleIsPunctuatedAndItsIndicatorsTellAuthorAndNonFilingCharacters() {
        Record withAuthor = RecordBuilder.build(charlottesWeb(), ENTERED);
        Record withSubtitle = RecordBuilder.build(
                described("The wild robot", "a novel", "Brown, Peter", "BOOK"), ENTERED);
        Record noAuthor = RecordBuilder.build(described("An egg is quiet", null, null, "BOOK"), ENTERED);

        assertThat(indicators(withAuthor, "245")).isEqualTo("10");
        assertThat(subfields(withAuthor, "245")).containsExactly("a=Charlotte's web.");
        assertThat(indicators(withSubtitle, "245")).isEqualTo("14");
        assertThat(subfields(withSubtitle, "245")).containsExactly("a=The wild robot :", "b=a novel.");
        assertThat(indicators(noAuthor, "245")).isEqualTo("03");
    }

    @Test
    void spanishArticlesAreSkippedButAWordThatMerelyStartsLikeOneIsNot() {
        assertThat(RecordBuilder.nonFilingCharacters("Los tres cerditos")).isEqualTo(4);
        assertThat(RecordBuilder.nonFilingCharacters("Una casa")).isEqualTo(4);
        assertThat(RecordBuilder.nonFilingCharacters("El sueño de Pedro")).isEqualTo(3);
        assertThat(RecordBuilder.nonFilingCharacters("Theodore")).isZero();
        assertThat(RecordBuilder.nonFilingCharacters("Ellie")).isZero();
    }

    @Test
    void aTitleEndingInAnExclamationGetsNoExtraPeriod() {
        Record record = RecordBuilder.build(described("Oh, the places you'll go!", null, "Seuss, Dr.", "BOOK"),
                ENTERED);

        assertThat(subfields(record, "245")).containsExactly("a=Oh, the places you'll go!");
    }

    @Test
    void publicationRdaTermsSummaryAndReadingLevelAreWritten() {
        Record record = RecordBuilder.build(charlottesWeb(), ENTERED);

        assertThat(indicators(record, "264")).isEqualTo(" 1");
        assertThat(subfields(record, "264")).containsExactly("b=HarperCollins,", "c=1952.");
        assertThat(subfields(record, "336")).containsExactly("a=text", "b=txt", "2=rdacontent");
        assertThat(subfields(record, "337")).containsExactly("a=unmediated", "b=n", "2=rdamedia");
        assertThat(subfields(record, "338")).containsExactly("a=volume", "b=nc", "2=rdacarrier");
        assertThat(subfields(record, "520")).containsExactly(
                "a=A spider saves a pig from slaughter by writing words in her web.");
        assertThat(indicators(record, "521")).isEqualTo("8 ");
        assertThat(subfields(record, "521")).containsExactly("a=Lexile 680L");
    }

    @Test
    void eachFormatHasItsRdaContentMediaAndCarrier() {
        assertThat(rda("VIDEO")).containsExactly("two-dimensional moving image", "video", "videodisc");
        assertThat(rda("AUDIOBOOK")).containsExactly("spoken word", "audio", "audio disc");
        assertThat(rda("EBOOK")).containsExactly("text", "computer", "online resource");
        assertThat(rda("OBJECT")).containsExactly("three-dimensional form", "unmediated", "object");
    }

    @Test
    void subjectSubdivisionsAreFormGeneralOrChronological() {
        BasicDescription d = new BasicDescription("Bomb", null, "Sheinkin, Steve", List.of(), null, null,
                List.of("Pigs -- Juvenile fiction", "Atomic bomb -- History -- Juvenile literature",
                        "World War, 1939-1945 -- Biography", "Science -- History -- 20th century"),
                null, null, null, null, "BOOK", null);
        Record record = RecordBuilder.build(d, ENTERED);

        List<DataField> subjects = dataFields(record, "650");
        assertThat(subjects).allSatisfy(f -> assertThat("" + f.getIndicator1() + f.getIndicator2()).isEqualTo(" 0"));
        assertThat(codes(subjects.get(0))).containsExactly("a=Pigs", "v=Juvenile fiction");
        assertThat(codes(subjects.get(1))).containsExactly("a=Atomic bomb", "x=History", "v=Juvenile literature");
        assertThat(codes(subjects.get(2))).containsExactly("a=World War, 1939-1945", "v=Biography");
        assertThat(codes(subjects.get(3))).containsExactly("a=Science", "x=History", "y=20th century");
    }

    @Test
    void blankOptionalFieldsAreLeftOutNotWrittenEmpty() {
        BasicDescription sparse = new BasicDescription("Chromebook laptop", " ", " ", List.of(" "), "", null,
                List.of(""), " ", null, "", "EQUIP LAP", "OBJECT", null);
        Record record = RecordBuilder.build(sparse, ENTERED);

        List<String> tags = record.getDataFields().stream().map(DataField::getTag).collect(Collectors.toList());
        assertThat(tags).containsExactly("092", "245", "336", "337", "338");
        assertThat(subfields(record, "245")).containsExactly("a=Chromebook laptop.");
        assertThat(indicators(record, "245")).isEqualTo("00");
    }

    @Test
    void refusesABlankTitle() {
        assertThatThrownBy(() -> RecordBuilder.build(described(" ", null, "White, E. B.", "BOOK"), ENTERED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordBuilder.build(described(null, null, null, "BOOK"), ENTERED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static char typeOfRecord(String format) {
        return RecordBuilder.build(described("Anything", null, null, format), ENTERED).getLeader().getTypeOfRecord();
    }

    static List<String> rda(String format) {
        Record record = RecordBuilder.build(described("Anything", null, null, format), ENTERED);
        return List.of("336", "337", "338").stream()
                .map(tag -> dataFields(record, tag).get(0).getSubfield('a').getData()).collect(Collectors.toList());
    }

    static String fixed(Record record) {
        return ((ControlField) record.getVariableField("008")).getData();
    }

    static List<DataField> dataFields(Record record, String tag) {
        return record.getVariableFields(tag).stream().map(DataField.class::cast).collect(Collectors.toList());
    }

    static String indicators(Record record, String tag) {
        DataField f = dataFields(record, tag).get(0);
        return "" + f.getIndicator1() + f.getIndicator2();
    }

    static List<String> subfields(Record record, String tag) {
        List<DataField> fields = dataFields(record, tag);
        assertThat(fields).as("fields " + tag).hasSize(1);
        return codes(fields.get(0));
    }

    static List<String> codes(DataField field) {
        return field.getSubfields().stream().map((Subfield s) -> s.getCode() + "=" + s.getData())
                .collect(Collectors.toList());
    }
}
