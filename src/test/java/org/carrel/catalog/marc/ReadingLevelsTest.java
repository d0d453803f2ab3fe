package org.carrel.catalog.marc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.catalog.marc.MarcRecordBuilder.aBook;

import org.junit.jupiter.api.Test;

class ReadingLevelsTest {

    @Test
    void readsALexileMeasureFromA521WithNoDisplayConstant() {
        assertThat(aBook().field("521", '8', ' ', "a", "820L").describe().readingLevels().lexile()).isEqualTo("820L");
        assertThat(aBook().field("521", '8', ' ', "a", "Lexile: AD520L.").describe().readingLevels().lexile())
                .isEqualTo("AD520L");
        assertThat(aBook().field("521", ' ', ' ', "a", "BR100L").describe().readingLevels().lexile())
                .isEqualTo("BR100L");
        assertThat(aBook().field("521", '8', ' ', "a", "HL690L, Lexile").describe().readingLevels().lexile())
                .isEqualTo("HL690L");
    }

    @Test
    void keepsLexileTextItCannotReadAsTextWithoutTheClosingStop() {
        assertThat(aBook().field("521", '8', ' ', "a", "Lexile measure pending.").describe().readingLevels().lexile())
                .isEqualTo("Lexile measure pending");
    }

    @Test
    void readsAGuidedReadingLevelFromANote() {
        ReadingLevels levels = aBook().field("521", '8', ' ', "a", "Guided reading level: M.")
                .field("521", '8', ' ', "a", "NC1010L").describe().readingLevels();

        assertThat(levels.guidedReading()).isEqualTo("M");
        assertThat(levels.lexile()).isEqualTo("NC1010L");
        assertThat(aBook().field("521", '8', ' ', "a", "Guided Reading Level Z+").describe().readingLevels()
                .guidedReading()).isEqualTo("Z+");
    }

    @Test
    void readsInterestAndReadingLevelFromAStudyProgram() {
        ReadingLevels levels = aBook()
                .field("526", '0', ' ', "a", "Accelerated Reader", "b", "MG", "c", "4.5", "d", "5.0")
                .field("526", '8', ' ', "a", "Guided Reading", "c", "p")
                .field("526", '8', ' ', "a", "Lexile", "c", "880L").describe().readingLevels();

        assertThat(levels).isEqualTo(new ReadingLevels("880L", "P", "MG", "4.5"));
    }

    @Test
    void readsGradeAndInterestLevelsFromTheKindOf521() {
        ReadingLevels levels = aBook().field("521", '0', ' ', "a", "3-5.")
                .field("521", '2', ' ', "a", "4-7.").describe().readingLevels();

        assertThat(levels.gradeLevel()).isEqualTo("3-5");
        assertThat(levels.interestLevel()).isEqualTo("4-7");
        assertThat(aBook().field("521", '1', ' ', "a", "Ages 8-12.").describe().readingLevels().interestLevel())
                .isEqualTo("Ages 8-12");
    }

    @Test
    void prefersTheStudyProgramToTheNote() {
        ReadingLevels levels = aBook().field("521", '1', ' ', "a", "Ages 8-12.")
                .field("526", '0', ' ', "a", "Accelerated Reader", "b", "MG", "c", "4.5").describe().readingLevels();

        assertThat(levels.interestLevel()).isEqualTo("MG");
    }

    @Test
    void saysNothingWhenTheRecordDoesNot() {
        assertThat(aBook().field("521", ' ', ' ', "a", "For general audiences.").describe().readingLevels())
                .isEqualTo(ReadingLevels.NONE);
    }
}
