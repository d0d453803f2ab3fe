package org.carrel.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.carrel.catalog.demo.DemoTitles.DemoTitle;
import org.carrel.catalog.marc.BasicDescription;
import org.junit.jupiter.api.Test;

class DemoTitlesTest {

    static final String HEADER = String.join("\t", DemoTitles.COLUMNS);

    @Test
    void readsEveryColumnOfARowIntoTheDescription() {
        List<DemoTitle> titles = DemoTitles.parse(List.of("# a comment", HEADER,
                "Charlotte's Web\t\tWhite, E. B.\t9780064400558\t1952\tHarper & Brothers\t"
                        + "Pigs -- Juvenile fiction; Spiders -- Juvenile fiction\tc\tLexile 680L\tFIC WHI\tBOOK\t4\t"
                        + "A spider saves a pig.\teng",
                "Document camera\t\t\t\t\t\t\t\t\tEQUIP CAM\tOBJECT\t1\t\teng"));

        assertThat(titles).hasSize(2);
        BasicDescription web = titles.get(0).description();
        assertThat(web.title()).isEqualTo("Charlotte's Web");
        assertThat(web.subtitle()).isNull();
        assertThat(web.author()).isEqualTo("White, E. B.");
        assertThat(web.isbns()).containsExactly("9780064400558");
        assertThat(web.year()).isEqualTo(1952);
        assertThat(web.publisher()).isEqualTo("Harper & Brothers");
        assertThat(web.subjects()).containsExactly("Pigs -- Juvenile fiction", "Spiders -- Juvenile fiction");
        assertThat(web.audience()).isEqualTo("c");
        assertThat(web.readingLevel()).isEqualTo("Lexile 680L");
        assertThat(web.callNumber()).isEqualTo("FIC WHI");
        assertThat(web.summary()).isEqualTo("A spider saves a pig.");
        assertThat(titles.get(0).itemType()).isEqualTo("BOOK");
        assertThat(titles.get(0).copies()).isEqualTo(4);
        DemoTitle camera = titles.get(1);
        assertThat(camera.itemType()).isEqualTo("EQUIPMENT");
        assertThat(camera.description().isbns()).isEmpty();
        assertThat(camera.description().year()).isNull();
    }

    @Test
    void videosAreLentAsDvdsAndKitsAsKits() {
        List<DemoTitle> titles = DemoTitles.parse(List.of(HEADER,
                "Holes\t\t\t\t2003\t\t\tc\t\tDVD HOL\tVIDEO\t2\t\teng",
                "Robotics kit\t\t\t\t\t\t\t\t\tEQUIP ROB\tKIT\t1\t\teng"));

        assertThat(titles).extracting(DemoTitle::itemType).containsExactly("DVD", "KIT");
    }

    @Test
    void refusesARowWithMissingColumnsOrAnUnknownFormat() {
        assertThatThrownBy(() -> DemoTitles.parse(List.of(HEADER, "Holes\tSachar, Louis")))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> DemoTitles.parse(List.of(HEADER, "Holes\t\t\t\t\t\t\t\t\tFIC SAC\tSCROLL\t1\t\teng")))
                .hasMessageContaining("SCROLL");
    }

    @Test
    void refusesAFileWhoseHeaderIsNotTheExpectedColumns() {
        assertThatThrownBy(() -> DemoTitles.parse(List.of("title\tauthor"))).hasMessageContaining("header");
    }
}
