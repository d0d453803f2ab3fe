package org.carrel.catalog.marc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.catalog.marc.MarcRecordBuilder.aBook;
import static org.carrel.catalog.marc.MarcRecordBuilder.fixedField;
import static org.carrel.catalog.marc.MarcRecordBuilder.withLeader;

import org.junit.jupiter.api.Test;

class DescriptionTest {

    /** A fresh builder each time: tests add fields to it. */
    private static MarcRecordBuilder charlottesWeb() {
        return aBook()
            .control("001", "52009312").control("003", "DLC")
            .control("008", fixedField("1952", 'c', ' ', "eng"))
            .field("010", "a", "   52009312 ")
            .field("020", "a", "0064400557 (pbk.)")
            .field("020", "a", "9780064400558")
            .field("035", "a", "(OCoLC)ocm00249548")
            .field("035", "a", "(DLC)   52009312")
            .field("082", '0', '0', "a", "[Fic]", "2", "22")
            .field("100", '1', ' ', "a", "White, E. B.", "q", "(Elwyn Brooks),", "d", "1899-1985.")
            .field("245", '1', '0', "a", "Charlotte's web /", "c", "by E.B. White ; pictures by Garth Williams.")
            .field("250", "a", "Harper Trophy ed.")
            .field("260", "a", "New York :", "b", "Harper & Row,", "c", "c1952.")
            .field("520", "a", "Wilbur, the pig, is saved from slaughter by Charlotte, a spider.")
            .field("650", ' ', '0', "a", "Pigs", "v", "Juvenile fiction.")
            .field("650", ' ', '0', "a", "Spiders", "v", "Juvenile fiction.")
            .field("650", ' ', '0', "a", "Friendship", "v", "Juvenile fiction.")
            .field("655", ' ', '7', "a", "Animal fiction.", "2", "gsafd")
            .field("700", '1', ' ', "a", "Williams, Garth,", "e", "illustrator.");
    }

    @Test
    void readsTheTitleAndStatementOfResponsibilityWithoutIsbdPunctuation() {
        Description book = charlottesWeb().describe();

        assertThat(book.title()).isEqualTo("Charlotte's web");
        assertThat(book.subtitle()).isNull();
        assertThat(book.responsibility()).isEqualTo("by E.B. White ; pictures by Garth Williams");
    }

    @Test
    void joinsTheSubtitleAndPartNumberAndNameAsWritten() {
        Description book = aBook().field("245", '1', '0', "a", "Star wars.", "n", "Episode IV,",
                "p", "A new hope :", "b", "the junior novelization /", "c", "adapted by Ryder Windham.").describe();

        assertThat(book.title()).isEqualTo("Star wars. Episode IV, A new hope");
        assertThat(book.subtitle()).isEqualTo("the junior novelization");
    }

    @Test
    void listsTheMainAuthorThenAddedAuthorsOnceEachWithoutDatesOrClosingPunctuation() {
        Description book = aBook()
                .field("100", '1', ' ', "a", "Rowling, J. K.", "d", "1965-")
                .field("110", '2', ' ', "a", "Scholastic Inc.", "b", "Editorial Dept.,")
                .field("700", '1', ' ', "a", "GrandPré, Mary,", "e", "illustrator.")
                .field("700", '1', ' ', "a", "Rowling, J. K.")
                .field("710", '2', ' ', "a", "Arthur A. Levine Books,").describe();

        assertThat(book.authors()).containsExactly("Rowling, J. K.", "Scholastic Inc. Editorial Dept",
                "GrandPré, Mary", "Arthur A. Levine Books");
        assertThat(charlottesWeb().describe().authors()).containsExactly("White, E. B.", "Williams, Garth");
    }

    @Test
    void readsTheEditionPublisherAndYear() {
        Description book = charlottesWeb().describe();

        assertThat(book.edition()).isEqualTo("Harper Trophy ed.");
        assertThat(book.publisher()).isEqualTo("Harper & Row");
        assertThat(book.year()).isEqualTo(1952);
    }

    @Test
    void prefersTheRdaPublicationStatementAndTheImprintYearWhen008HasNone() {
        Description book = aBook().control("008", "120829suuuu    nyu           000 1 eng  ")
                .field("264", ' ', '4', "c", "©1997")
                .field("264", ' ', '1', "a", "New York :", "b", "Arthur A. Levine Books, an imprint of Scholastic,",
                        "c", "[1998]")
                .field("260", "b", "Scholastic,", "c", "1999.").describe();

        assertThat(book.publisher()).isEqualTo("Arthur A. Levine Books, an imprint of Scholastic");
        assertThat(book.year()).isEqualTo(1997);
        assertThat(aBook().field("260", "c", "c1993, printing 2001.").describe().year()).isEqualTo(1993);
        assertThat(aBook().field("260", "c", "[19--?]").describe().year()).isNull();
    }

    @Test
    void holdsTheTenAndThirteenDigitIsbnOfOneBookOnceAndKeepsInvalidOnesAsWritten() {
        Description book = aBook()
                .field("020", "a", "059035342X (pbk.)")
                .field("020", "a", "9780590353427 : $6.99")
                .field("020", "a", "0439708184", "q", "hardcover")
                .field("020", "a", "0590353421 (lib. bdg.)")
                .field("020", "z", "0747532745").describe();

        assertThat(book.isbns()).extracting(Isbn::isbn13).containsExactly("9780590353427", "9780439708180");
        assertThat(book.invalidIsbns()).containsExactly("0590353421 (lib. bdg.)", "0747532745");
    }

    @Test
    void readsTheLccnOclcNumbersAndControlNumber() {
        Description book = charlottesWeb()
                .field("035", "a", "(OCoLC)on1012345678")
                .field("035", "a", "(OCoLC)249548").describe();

        assertThat(book.lccn()).isEqualTo("52009312");
        assertThat(book.oclcNumbers()).containsExactly("249548", "1012345678");
        assertThat(book.controlNumber()).isEqualTo("52009312");
        assertThat(book.controlSource()).isEqualTo("DLC");
    }

    @Test
    void listsEachSeriesOnceWhateverItsPunctuation() {
        Description book = aBook()
                .field("490", '1', ' ', "a", "Harry Potter ;", "v", "year 1")
                .field("490", '0', ' ', "a", "Scholastic gold.")
                .field("800", '1', ' ', "a", "Rowling, J. K.", "t", "Harry Potter ;", "v", "1.")
                .field("830", ' ', '0', "a", "Scholastic gold").describe();

        assertThat(book.series()).containsExactly("Harry Potter", "Scholastic gold");
    }

    @Test
    void joinsSubjectSubdivisionsAndReadsGenres() {
        Description book = aBook()
                .field("600", '1', '0', "a", "Lincoln, Abraham,", "d", "1809-1865", "v", "Juvenile literature.")
                .field("651", ' ', '0', "a", "United States", "x", "History", "y", "Civil War, 1861-1865",
                        "v", "Juvenile literature.")
                .field("650", ' ', '7', "a", "Presidents", "z", "United States.", "2", "sears")
                .field("655", ' ', '7', "a", "Biographies.", "2", "lcgft").describe();

        assertThat(book.subjects()).containsExactly("Lincoln, Abraham -- Juvenile literature",
                "United States -- History -- Civil War, 1861-1865 -- Juvenile literature",
                "Presidents -- United States");
        assertThat(book.genres()).containsExactly("Biographies");
        assertThat(charlottesWeb().describe().subjects()).containsExactly("Pigs -- Juvenile fiction",
                "Spiders -- Juvenile fiction", "Friendship -- Juvenile fiction");
    }

    @Test
    void readsTheFirstSummaryAndTheAudience() {
        Description book = aBook().control("008", fixedField("2001", 'j', ' ', "eng"))
                .field("520", "a", "Harry learns he is a wizard.", "b", "He goes to Hogwarts.")
                .field("520", "a", "A second summary.")
                .field("521", '1', ' ', "a", "9-12.")
                .field("521", '2', ' ', "a", "4-7.").describe();

        assertThat(book.summary()).isEqualTo("Harry learns he is a wizard. He goes to Hogwarts.");
        assertThat(book.audience()).isEqualTo(Audience.JUVENILE);
        assertThat(book.audienceNote()).isEqualTo("9-12; 4-7");
        assertThat(charlottesWeb().describe().audience()).isEqualTo(Audience.PRE_ADOLESCENT);
    }

    @Test
    void readsAnUncodedAudienceAsUnknownAndNoAudienceForMapsAndSerials() {
        assertThat(aBook().control("008", fixedField("2001", '|', ' ', "eng")).describe().audience())
                .isEqualTo(Audience.UNKNOWN);
        assertThat(aBook().describe().audience()).isNull();
        assertThat(withLeader("01234cem a2200301 a 4500").control("008", fixedField("2001", 'a', ' ', "eng"))
                .describe().audience()).isNull();
    }

    @Test
    void readsTheLanguageFrom008AndEveryCodeOf041() {
        Description spanish = aBook().control("008", fixedField("1999", 'j', ' ', "spa"))
                .field("020", "a", "8478884459")
                .field("041", '1', ' ', "a", "spaeng", "h", "eng")
                .field("041", '1', ' ', "a", "fre")
                .field("245", '1', '0', "a", "Harry Potter y la piedra filosofal /", "c", "J.K. Rowling.").describe();

        assertThat(spanish.language()).isEqualTo("spa");
        assertThat(spanish.languages()).containsExactly("spa", "eng", "fre");
        assertThat(spanish.isbns()).extracting(Isbn::isbn13).containsExactly("9788478884452");
    }

    @Test
    void fallsBackTo041WhenThe008LanguageIsBlankOrNotCoded() {
        Description book = aBook().control("008", fixedField("1999", ' ', ' ', "|||"))
                .field("041", '0', ' ', "a", "SPA").describe();

        assertThat(book.language()).isEqualTo("spa");
        assertThat(book.languages()).containsExactly("spa");
        assertThat(aBook().control("008", fixedField("1999", ' ', ' ', "   ")).describe().language()).isNull();
    }

    @Test
    void takesTheLocalCallNumberFirst() {
        assertThat(aBook().field("082", "a", "599.75/7", "2", "23").field("092", "a", "599.757", "b", "SMI")
                .describe().callNumber()).isEqualTo("599.757 SMI");
        assertThat(aBook().field("082", "a", "599.75/7", "a", "599.74").field("092", "b", "SMI")
                .describe().callNumber()).isEqualTo("599.757 SMI");
        assertThat(aBook().field("852", '1', ' ', "b", "MAIN", "k", "J", "h", "398.2", "i", "GRI", "m", "v.2")
                .describe().callNumber()).isEqualTo("J 398.2 GRI v.2");
        assertThat(charlottesWeb().field("092", "b", "WHI").describe().callNumber()).isEqualTo("Fic WHI");
        assertThat(aBook().describe().callNumber()).isNull();
    }

    @Test
    void readsARecordWithNothingInItWithoutFailing() {
        Description empty = Description.of(org.marc4j.marc.MarcFactory.newInstance().newRecord());

        assertThat(empty.title()).isNull();
        assertThat(empty.authors()).isEmpty();
        assertThat(empty.isbns()).isEmpty();
        assertThat(empty.year()).isNull();
        assertThat(empty.language()).isNull();
        assertThat(empty.readingLevels()).isEqualTo(ReadingLevels.NONE);
    }
}
