package org.carrel.catalog.marc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IsbnTest {

    @Test
    void readsTheTenAndThirteenDigitFormsOfOneBookAsOneIsbn() {
        assertThat(Isbn.parse("0439554934")).isEqualTo(Isbn.parse("9780439554930"));
        assertThat(Isbn.parse("0439554934").orElseThrow().isbn13()).isEqualTo("9780439554930");
    }

    @Test
    void readsHyphensSpacesAndAnIsbnLabel() {
        assertThat(Isbn.parse("978-0-06-440055-8")).map(Isbn::toString).hasValue("9780064400558");
        assertThat(Isbn.parse("0 06 440055 7")).map(Isbn::toString).hasValue("9780064400558");
        assertThat(Isbn.parse("ISBN: 0-06-440055-7")).map(Isbn::toString).hasValue("9780064400558");
    }

    @Test
    void readsTheQualifiersAndPricesThatFollowAnIsbnIn020() {
        assertThat(Isbn.parse("0439554934 (pbk.)")).map(Isbn::toString).hasValue("9780439554930");
        assertThat(Isbn.parse("9780439554930 : $8.99")).map(Isbn::toString).hasValue("9780439554930");
        assertThat(Isbn.parse("0812917561 :")).map(Isbn::toString).hasValue("9780812917567");
    }

    @Test
    void readsAnXCheckDigitInEitherCase() {
        assertThat(Isbn.parse("059035342X")).map(Isbn::toString).hasValue("9780590353427");
        assertThat(Isbn.parse("059035342x (pbk.)")).map(Isbn::toString).hasValue("9780590353427");
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertThat(Isbn.parse("0439554935")).isEmpty();
        assertThat(Isbn.parse("9780439554931")).isEmpty();
        assertThat(Isbn.parse("043955493X")).isEmpty();
    }

    @Test
    void refusesWhatIsNoIsbn() {
        assertThat(Isbn.parse(null)).isEmpty();
        assertThat(Isbn.parse("")).isEmpty();
        assertThat(Isbn.parse("(pbk.)")).isEmpty();
        assertThat(Isbn.parse("043955493")).isEmpty();
        assertThat(Isbn.parse("04395549341")).isEmpty();
        assertThat(Isbn.parse("X439554934")).isEmpty();
        // A UPC-style EAN-13 with a correct check digit but no ISBN prefix.
        assertThat(Isbn.parse("0123456789012")).isEmpty();
    }

    @Test
    void givesTheTenDigitFormOnlyForThe978Prefix() {
        assertThat(Isbn.parse("9780590353427").orElseThrow().isbn10()).hasValue("059035342X");
        assertThat(Isbn.parse("9780439554930").orElseThrow().isbn10()).hasValue("0439554934");
        assertThat(Isbn.parse("979-10-90636-07-1").orElseThrow().isbn10()).isEmpty();
    }

    @Test
    void refusesToHoldAnInvalidIsbn13() {
        assertThatThrownBy(() -> new Isbn("0439554934")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Isbn("9780439554931")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Isbn(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
