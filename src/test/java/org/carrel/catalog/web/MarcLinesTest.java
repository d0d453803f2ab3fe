package org.carrel.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.carrel.catalog.web.MarcLines.Parsed;
import org.carrel.catalog.web.MarcLines.Problem;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marc4j.marc.VariableField;

class MarcLinesTest {

    private static final MarcFactory MARC = MarcFactory.newInstance();
    private static final String LEADER = "LDR 00000nam a2200000 i 4500\n";

    private static Record charlottesWeb() {
        Record record = MARC.newRecord("00000nam a2200000 i 4500");
        record.addVariableField(MARC.newControlField("001", "ocm00123"));
        record.addVariableField(MARC.newControlField("008", "260115s1952    nyu   j      000 1 eng d"));
        DataField isbn = MARC.newDataField("020", ' ', ' ');
        isbn.addSubfield(MARC.newSubfield('a', "9780064400558 (pbk.) : $8.99"));
        record.addVariableField(isbn);
        DataField title = MARC.newDataField("245", '1', '0');
        title.addSubfield(MARC.newSubfield('a', "Charlotte's web /"));
        title.addSubfield(MARC.newSubfield('c', "by E.B. White ; pictures by Garth Williams."));
        record.addVariableField(title);
        DataField subject = MARC.newDataField("650", ' ', '0');
        subject.addSubfield(MARC.newSubfield('a', "Pigs"));
        subject.addSubfield(MARC.newSubfield('v', "Juvenile fiction."));
        record.addVariableField(subject);
        return record;
    }

    private static List<String> keys(Parsed parsed) {
        return parsed.problems().stream().map(p -> p.line() + " " + p.key()).toList();
    }

    @Test
    void readsTheLeaderControlFieldsAndDataFieldsWithTheirIndicatorsAndSubfields() {
        Parsed parsed = MarcLines.parse(LEADER + "001 ocm123\n\n245 10 $aCharlotte's web /$cby E.B. White.\n"
                + "650 _0 $aPigs$vJuvenile fiction.\n");
        assertThat(parsed.problems()).isEmpty();
        Record record = parsed.record();
        assertThat(record.getLeader().marshal()).isEqualTo("00000nam a2200000 i 4500");
        assertThat(record.getControlNumber()).isEqualTo("ocm123");
        DataField title = (DataField) record.getVariableField("245");
        assertThat(title.getIndicator1()).isEqualTo('1');
        assertThat(title.getIndicator2()).isEqualTo('0');
        assertThat(title.getSubfield('a').getData()).isEqualTo("Charlotte's web /");
        assertThat(title.getSubfield('c').getData()).isEqualTo("by E.B. White.");
        DataField subject = (DataField) record.getVariableField("650");
        assertThat(subject.getIndicator1()).isEqualTo(' ');
        assertThat(subject.getSubfields()).extracting(s -> s.getCode() + s.getData())
                .containsExactly("aPigs", "vJuvenile fiction.");
    }

    @Test
    void rendersARecordThatParsesBackToTheSameFields() {
        Record original = charlottesWeb();
        String text = MarcLines.render(original);
        assertThat(text).contains("245 10 $aCharlotte's web /$cby E.B. White ; pictures by Garth Williams.\n")
                .contains("650 _0 $aPigs$vJuvenile fiction.\n")
                .contains("$a9780064400558 (pbk.) : {dollar}8.99");
        Parsed parsed = MarcLines.parse(text);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.record().getLeader().marshal()).isEqualTo(original.getLeader().marshal());
        assertThat(parsed.record().getVariableFields()).map(VariableField::toString)
                .containsExactlyElementsOf(original.getVariableFields().stream().map(VariableField::toString).toList());
        assertThat(MarcLines.render(parsed.record())).isEqualTo(text);
    }

    @Test
    void writesADollarSignInDataAsDollarInBraces() {
        Parsed parsed = MarcLines.parse(LEADER + "245 00 $aPrices in {dollar}US.\n");
        assertThat(((DataField) parsed.record().getVariableField("245")).getSubfield('a').getData())
                .isEqualTo("Prices in $US.");
    }

    @Test
    void refusesATagThatIsNotThreeDigitsOrLetters() {
        Parsed parsed = MarcLines.parse(LEADER + "24 10 $aTitle\n245 10 $aTitle\n2#5 10 $aX\n");
        assertThat(keys(parsed)).containsExactly("2 catalog.marc.problem.tag", "4 catalog.marc.problem.tag");
        assertThat(parsed.problems().get(0).arguments()).containsExactly("24");
        assertThat(parsed.record()).isNull();
    }

    @Test
    void refusesAControlFieldWithIndicatorsOrSubfields() {
        assertThat(keys(MarcLines.parse(LEADER + "001 10 $aocm123\n245 00 $aTitle\n")))
                .containsExactly("2 catalog.marc.problem.controlSubfields");
    }

    @Test
    void refusesADataFieldWithoutSubfields() {
        assertThat(keys(MarcLines.parse(LEADER + "245 00 $aTitle\n500 __ A note without a code\n")))
                .containsExactly("3 catalog.marc.problem.noSubfields");
    }

    @Test
    void refusesAnIndicatorThatIsNotBlankADigitOrALowerCaseLetter() {
        Parsed parsed = MarcLines.parse(LEADER + "245 1X $aTitle\n");
        assertThat(keys(parsed)).contains("2 catalog.marc.problem.indicator");
        assertThat(parsed.problems().get(0).arguments()).containsExactly("245", "X");
    }

    @Test
    void acceptsBlankIndicatorsWrittenAsUnderscoreHashOrSpace() {
        Parsed parsed = MarcLines.parse(LEADER + "245 00 $aTitle\n500 _# $aOne\n500    $aTwo\n");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.record().getDataFields()).extracting(f -> "" + f.getIndicator1() + f.getIndicator2())
                .containsExactly("00", "  ", "  ");
    }

    @Test
    void refusesASubfieldCodeThatIsNotALowerCaseLetterOrDigit() {
        assertThat(keys(MarcLines.parse(LEADER + "245 00 $aTitle$Bsub\n")))
                .containsExactly("2 catalog.marc.problem.subfieldCode");
    }

    @Test
    void refusesAnEmptySubfield() {
        assertThat(keys(MarcLines.parse(LEADER + "245 00 $aTitle$b  $c\n")))
                .containsExactly("2 catalog.marc.problem.emptySubfield", "2 catalog.marc.problem.emptySubfield");
    }

    @Test
    void refusesALeaderThatIsNot24CharactersAndTextWithoutALeader() {
        Parsed shortLeader = MarcLines.parse("LDR 00000nam a22\n245 00 $aTitle\n");
        assertThat(keys(shortLeader)).containsExactly("0 catalog.marc.problem.noLeader",
                "1 catalog.marc.problem.leaderLength");
        assertThat(keys(MarcLines.parse("245 00 $aTitle\n"))).containsExactly("0 catalog.marc.problem.noLeader");
    }

    @Test
    void refusesARecordWithout245SubfieldA() {
        assertThat(keys(MarcLines.parse(LEADER + "245 00 $bOnly a subtitle\n")))
                .containsExactly("0 catalog.marc.problem.noTitle");
        assertThat(keys(MarcLines.parse(LEADER + "100 1_ $aWhite, E. B.\n")))
                .containsExactly("0 catalog.marc.problem.noTitle");
    }

    @Test
    void namesTheLineNumberFirstAmongTheMessageArguments() {
        Problem problem = MarcLines.parse(LEADER + "\n\n245 0Q $aTitle\n").problems().get(0);
        assertThat(problem.messageArguments()).containsExactly(4, "245", "Q");
    }

    @Test
    void laysFieldsOutForReadingWithSpacesAroundSubfieldCodes() {
        assertThat(MarcLines.display(charlottesWeb()))
                .contains(new MarcLines.Line("LDR", "", "00000nam a2200000 i 4500"))
                .contains(new MarcLines.Line("245", "10",
                        "$a Charlotte's web / $c by E.B. White ; pictures by Garth Williams."));
    }
}
