package org.carrel.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carrel.catalog.importing.MarcBytes.FACTORY;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.carrel.catalog.ItemStatus;
import org.carrel.catalog.ItemType;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

class HoldingsMappingTest {

    private final Record record = MarcBytes.book("1", "Holes");

    private DataField field(String tag, String... codesAndValues) {
        DataField field = FACTORY.newDataField(tag, ' ', ' ');
        for (int i = 0; i < codesAndValues.length; i += 2) {
            field.addSubfield(FACTORY.newSubfield(codesAndValues[i].charAt(0), codesAndValues[i + 1]));
        }
        record.addVariableField(field);
        return field;
    }

    @Test
    void mapsAKohaItemFieldWithEveryValue() {
        field("952", "a", "LIN", "b", "OAK", "c", "FIC", "o", "FIC SAC", "p", "31234000123456", "y", "BK",
                "g", "$12.99", "v", "15.00", "d", "2023-08-30", "e", "PTA grant", "x", "gift", "z", "signed",
                "t", "2");

        Holdings holdings = HoldingsMapping.holdings(record);

        assertThat(holdings.items()).containsExactly(new ItemDraft("31234000123456", "LIN", "FIC", "FIC SAC",
                ItemType.BOOK, ItemStatus.AVAILABLE, new BigDecimal("12.99"), new BigDecimal("15.00"),
                LocalDate.of(2023, 8, 30), "PTA grant", "gift; signed", 2, "952", null));
        assertThat(holdings.warnings()).isEmpty();
    }

    @Test
    void withdrawnWinsOverLostDamagedAndCheckedOut() {
        field("952", "p", "1", "0", "1", "1", "1", "4", "1", "q", "2024-01-01");
        field("952", "p", "2", "1", "2", "4", "1", "q", "2024-01-01");
        field("952", "p", "3", "4", "1", "q", "2024-01-01");
        field("952", "p", "4", "q", "2024-01-01");
        field("952", "p", "5", "0", "0", "1", "0", "4", "0");

        assertThat(HoldingsMapping.items(record)).extracting(ItemDraft::status).containsExactly(
                ItemStatus.WITHDRAWN, ItemStatus.LOST, ItemStatus.DAMAGED, ItemStatus.CHECKED_OUT,
                ItemStatus.AVAILABLE);
    }

    @Test
    void anUnknownKohaItemTypeBecomesABookWithAWarning() {
        field("952", "p", "1", "y", "ZINE");

        Holdings holdings = HoldingsMapping.holdings(record);

        assertThat(holdings.items().get(0).itemType()).isEqualTo(ItemType.BOOK);
        assertThat(holdings.warnings()).containsExactly(
                "field 952 #1: item type $y \"ZINE\" is not known; BOOK was used");
    }

    @Test
    void aHoldingsFieldWithoutABarcodeMakesNoItemButAWarning() {
        field("952", "a", "LIN", "y", "DVD");
        field("852", "b", "LIN", "h", "796.357");

        Holdings holdings = HoldingsMapping.holdings(record);

        assertThat(holdings.items()).isEmpty();
        assertThat(holdings.warnings()).containsExactly("field 952 #1: no barcode, so no item was made",
                "field 852 #2: no barcode, so no item was made");
    }

    @Test
    void commaDecimalPricesAreLeftEmptyWithAWarning() {
        field("952", "p", "1", "g", "12,99");

        Holdings holdings = HoldingsMapping.holdings(record);

        assertThat(holdings.items().get(0).price()).isNull();
        assertThat(holdings.warnings()).containsExactly(
                "field 952 #1: $g \"12,99\" is not a price like 12.99; it was left empty");
    }

    @Test
    void mapsA852LocationWithACallNumberBuiltFromItsParts() {
        field("852", "a", "DISTRICT", "b", "OAK", "c", "REF", "k", "R", "h", "031", "i", "WOR", "m", "v.1",
                "p", "0042", "t", "1", "9", "30.00", "x", "staff", "z", "ask at desk");

        assertThat(HoldingsMapping.items(record)).containsExactly(new ItemDraft("0042", "OAK", "REF",
                "R 031 WOR v.1", ItemType.BOOK, ItemStatus.AVAILABLE, new BigDecimal("30.00"), null, null, null,
                "staff; ask at desk", 1, "852", null));
    }

    @Test
    void a852WithoutSublocationUsesTheInstitution() {
        field("852", "a", "OAK", "p", "0042");

        assertThat(HoldingsMapping.items(record).get(0).schoolCode()).isEqualTo("OAK");
    }

    @Test
    void mapsASierraStyle949AndTakesTheTypeFromTheLeaderForNumericCodes() {
        record.getLeader().setTypeOfRecord('g');
        field("949", "a", "DVD 791.43 SHR", "i", "39060017894923", "l", "media", "t", "18", "c", "2", "p", "19.99",
                "n", "case cracked", "s", "d");

        assertThat(HoldingsMapping.items(record)).containsExactly(new ItemDraft("39060017894923", null, "media",
                "DVD 791.43 SHR", ItemType.DVD, ItemStatus.DAMAGED, new BigDecimal("19.99"), null, null, null,
                "case cracked", 2, "949", null));
    }

    @Test
    void aCopyDescribedBy852And952IsOneCopyAndAn876GivesItsStatusAndCondition() {
        field("852", "b", "OAK", "c", "FIC", "h", "FIC WHI", "p", "0042");
        field("952", "a", "OAK", "c", "FIC", "o", "FIC WHI", "p", "0042", "y", "PAPERBACK", "v", "9.99");
        field("876", "p", "0042", "j", "missing", "h", "FAIR");
        field("876", "p", "9999", "j", "LOST");

        Holdings holdings = HoldingsMapping.holdings(record);

        assertThat(holdings.items()).singleElement().satisfies(item -> {
            assertThat(item.sourceTag()).isEqualTo("952");
            assertThat(item.itemType()).isEqualTo(ItemType.PAPERBACK);
            assertThat(item.status()).isEqualTo(ItemStatus.MISSING);
            assertThat(item.condition()).isEqualTo("FAIR");
        });
        assertThat(holdings.itemFields()).extracting(org.marc4j.marc.DataField::getTag)
                .containsExactly("852", "952", "876");
    }
}
