package org.carrel.patrons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.IntStream;

import com.google.zxing.ReaderException;
import org.carrel.catalog.labels.LabelBox;
import org.carrel.catalog.labels.LabelFont;
import org.carrel.catalog.labels.Symbology;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Card sheets rendered by PDFBox at 300 dpi and every card's barcode read back by ZXing, as a scanner at the desk
 * would read a printed card.
 */
class CardPdfTest {

    /** 23 patrons: two full sheets and three cards on a third. */
    private static final List<LibraryCard> CARDS = IntStream.rangeClosed(1, 23)
            .mapToObj(n -> new LibraryCard("Student Number " + n, "Oak Hill Elementary",
                    n % 2 == 0 ? String.format("POAK%06d", n) : "S-" + (1000 + n) + "/7.X"))
            .toList();

    @ParameterizedTest
    @EnumSource(Symbology.class)
    void everyCardOnEverySheetScansBackToThePatronsBarcode(Symbology symbology) throws Exception {
        for (CardSheet sheet : CardSheet.values()) {
            byte[] pdf = new CardPdf().print(CARDS, symbology, sheet);

            assertThat(CardScanner.pages(pdf)).as(sheet.name()).isEqualTo(3);
            assertThat(CardScanner.scanAll(pdf, sheet, symbology, CARDS.size())).as(sheet + " " + symbology)
                    .containsExactlyElementsOf(CARDS.stream().map(LibraryCard::barcode).toList());
        }
    }

    @Test
    void aCardPositionLeftBlankDoesNotScan() throws Exception {
        byte[] pdf = new CardPdf().print(CARDS.subList(0, 3), Symbology.CODE128, CardSheet.LETTER);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, CardScanner.DPI, ImageType.GRAY);
            BufferedImage fourth = CardScanner.crop(page, CardSheet.LETTER, CardSheet.LETTER.box(4));

            assertThatThrownBy(() -> CardScanner.decode(fourth, Symbology.CODE128))
                    .isInstanceOf(ReaderException.class);
            assertThat(CardScanner.decode(CardScanner.crop(page, CardSheet.LETTER, CardSheet.LETTER.box(3)),
                    Symbology.CODE128)).isEqualTo(CARDS.get(2).barcode());
        }
    }

    @Test
    void cardsShowTheNameAndSchoolAndALongNameIsShortenedToFitTheCard() throws Exception {
        String longName = "Maximiliana Esperanza Guadalupe de la Concepción Fernández-Villanueva";
        List<LibraryCard> cards = List.of(new LibraryCard("Sofía Nguyễn", "Maple Grove Elementary", "PMAPLE000001"),
                new LibraryCard(longName, "Maple Grove Elementary", "PMAPLE000002"));
        CardPdf printer = new CardPdf();

        String text = CardScanner.text(printer.print(cards, Symbology.CODE128, CardSheet.A4));

        assertThat(text).contains("Sofía Nguyên", "Maple Grove Elementary", "PMAPLE000001", "PMAPLE000002");
        CardPdf.NameLine shortened = printer.nameLine(longName);
        assertThat(shortened.text()).startsWith("Maximiliana Esperanza").endsWith(LabelFont.ELLIPSIS);
        assertThat(shortened.size()).isEqualTo(CardPdf.SMALLEST_NAME);
        assertThat(LabelFont.helveticaBold().width(shortened.text(), shortened.size()))
                .isLessThanOrEqualTo(CardSheet.CARD_WIDTH - 2 * CardPdf.PADDING);
        assertThat(text).contains(shortened.text()).doesNotContain(longName);
        assertThat(printer.nameLine("Ana Kim").size()).isEqualTo(CardPdf.LARGEST_NAME);
    }

    @Test
    void tenCardsFillALetterSheetInsideItsEdges() {
        LabelBox page = new LabelBox(0, 0, CardSheet.LETTER.pageWidth(), CardSheet.LETTER.pageHeight());
        for (int position = 1; position <= 10; position++) {
            assertThat(page.contains(CardSheet.LETTER.box(position))).isTrue();
        }
        assertThat(CardSheet.LETTER.box(2).x()).isEqualTo(CardSheet.LETTER.box(1).right());
        assertThat(CardSheet.LETTER.box(3).top()).isEqualTo(CardSheet.LETTER.box(1).y());
        assertThat(CardSheet.LETTER.box(1).x()).isGreaterThan(CardSheet.LETTER.pageWidth()
                - CardSheet.LETTER.box(2).right() - 0.01f);
    }

    @Test
    void code39RefusesWhatItCannotHoldAndCode128TakesIt() {
        assertThat(Symbology.CODE39.canHold("P-00042/7")).isTrue();
        assertThat(Symbology.CODE39.canHold("p-00042")).isFalse();
        assertThat(Symbology.CODE39.canHold("P_1")).isFalse();
        assertThat(Symbology.CODE128.canHold("p-00042_x")).isTrue();
        assertThat(Symbology.CODE128.canHold("P\u00e91")).isFalse();
        assertThatThrownBy(() -> Symbology.CODE39.encode("p1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"p1\" cannot be printed as Code 39");
    }

    @Test
    void aBarcodeTooLongForACardDoesNotFitButTheLongestPatronBarcodeDoes() {
        assertThat(CardPdf.fits("A".repeat(40), Symbology.CODE39)).isTrue();
        assertThat(CardPdf.fits("A1B2C3D4E5".repeat(4), Symbology.CODE128)).isTrue();
        assertThat(CardPdf.fits("A".repeat(60), Symbology.CODE39)).isFalse();
    }
}
