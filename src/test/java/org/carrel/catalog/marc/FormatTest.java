package org.carrel.catalog.marc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.catalog.marc.MarcRecordBuilder.aBook;
import static org.carrel.catalog.marc.MarcRecordBuilder.fixedField;
import static org.carrel.catalog.marc.MarcRecordBuilder.withLeader;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FormatTest {

    private static final String BLANK_LEADER = "00234     2200109   4500";

    @Test
    void readsAPrintedMonographAsABook() {
        assertThat(aBook().control("008", fixedField("1952", 'c', ' ', "eng")).describe().format())
                .isEqualTo(Format.BOOK);
    }

    @Test
    void readsAnOnlineFormOfItemAsAnEbook() {
        Description ebook = aBook().control("008", fixedField("2012", 'd', 'o', "eng"))
                .field("245", '1', '0', "a", "The hunger games", "h", "[electronic resource] /").describe();

        assertThat(ebook.format()).isEqualTo(Format.EBOOK);
        assertThat(aBook().control("008", fixedField("2012", ' ', 's', "eng")).describe().format())
                .isEqualTo(Format.EBOOK);
    }

    @Test
    void readsAnOnlineCarrierOrRemote007AsAnEbookWhen008SaysNothing() {
        assertThat(aBook().field("336", "a", "text", "b", "txt", "2", "rdacontent")
                .field("337", "a", "computer", "b", "c", "2", "rdamedia")
                .field("338", "a", "online resource", "b", "cr", "2", "rdacarrier").describe().format())
                .isEqualTo(Format.EBOOK);
        assertThat(aBook().control("007", "cr |n|||||||||").describe().format()).isEqualTo(Format.EBOOK);
    }

    @Test
    void readsLargePrintFromTheFormOfItem() {
        assertThat(aBook().control("008", fixedField("2005", 'e', 'd', "eng")).describe().format())
                .isEqualTo(Format.LARGE_PRINT);
    }

    @Test
    void readsASpokenWordRecordingAsAnAudiobook() {
        Description audiobook = withLeader("01234nim a2200301 i 4500")
                .field("245", '1', '0', "a", "Harry Potter and the sorcerer's stone", "h", "[sound recording] /")
                .field("336", "a", "spoken word", "b", "spw", "2", "rdacontent")
                .field("338", "a", "audio disc", "b", "sd", "2", "rdacarrier").describe();

        assertThat(audiobook.format()).isEqualTo(Format.AUDIOBOOK);
    }

    @Test
    void readsAProjectedMediumWithRdaVideoCodesAsVideo() {
        Description dvd = withLeader("01234cgm a2200301 i 4500").control("007", "vd cvaizq")
                .field("245", '0', '0', "a", "Charlotte's web /", "c", "Paramount Pictures.")
                .field("336", "a", "two-dimensional moving image", "b", "tdi", "2", "rdacontent")
                .field("337", "a", "video", "b", "v", "2", "rdamedia")
                .field("338", "a", "videodisc", "b", "vd", "2", "rdacarrier").describe();

        assertThat(dvd.format()).isEqualTo(Format.VIDEO);
    }

    @ParameterizedTest
    @CsvSource({"c,m,SCORE", "d,m,SCORE", "e,m,MAP", "f,m,MAP", "g,m,VIDEO", "i,m,AUDIOBOOK", "j,m,MUSIC",
            "k,m,OTHER", "m,m,COMPUTER_FILE", "o,m,KIT", "p,c,OTHER", "r,m,OBJECT", "a,s,SERIAL", "a,i,SERIAL",
            "t,m,BOOK"})
    void readsTheTypeAndLevelOfTheLeader(char type, char level, Format format) {
        assertThat(withLeader("01234n" + type + level + " a2200301 a 4500").describe().format()).isEqualTo(format);
    }

    @Test
    void decidesFromRdaCodesWhenTheLeaderIsBlank() {
        assertThat(withLeader(BLANK_LEADER).field("336", "b", "tdi").field("338", "b", "vd").describe().format())
                .isEqualTo(Format.VIDEO);
        assertThat(withLeader(BLANK_LEADER).field("336", "b", "spw").describe().format()).isEqualTo(Format.AUDIOBOOK);
        assertThat(withLeader(BLANK_LEADER).field("336", "b", "prm").describe().format()).isEqualTo(Format.MUSIC);
        assertThat(withLeader(BLANK_LEADER).field("336", "b", "txt").field("338", "b", "nc").describe().format())
                .isEqualTo(Format.BOOK);
        assertThat(withLeader(BLANK_LEADER).control("007", "vd cvaizq").describe().format()).isEqualTo(Format.VIDEO);
    }

    @Test
    void readsABlankLeaderWithAnIsbnAsABookAndWithNothingAsOther() {
        assertThat(withLeader(BLANK_LEADER).field("020", "a", "9780596101954").describe().format())
                .isEqualTo(Format.BOOK);
        assertThat(withLeader(BLANK_LEADER).describe().format()).isEqualTo(Format.OTHER);
    }

    @Test
    void readsAnEbookCodedAsAComputerFileByItsTextContent() {
        assertThat(withLeader("01234cmm a2200301 i 4500").field("336", "b", "txt").describe().format())
                .isEqualTo(Format.EBOOK);
    }
}
