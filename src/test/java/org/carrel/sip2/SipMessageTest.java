package org.carrel.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class SipMessageTest {

    @Test
    void theSpecificationsStatusExampleCarriesTheRightChecksum() {
        assertThat(SipChecksum.of("9900302.00AY1AZ")).isEqualTo("FCA5");
        SipMessage.Parsed parsed = SipMessage.parse("9900302.00AY1AZFCA5");

        assertThat(parsed.malformed()).isNull();
        SipMessage status = parsed.message();
        assertThat(status.command()).isEqualTo(SipCommand.SC_STATUS);
        assertThat(status.fixed(0, 1)).isEqualTo("0");
        assertThat(status.fixed(1, 3)).isEqualTo("030");
        assertThat(status.fixed(4, 4)).isEqualTo("2.00");
        assertThat(status.sequence()).isEqualTo('1');
        assertThat(status.checksummed()).isTrue();
        assertThat(status.fields()).isEmpty();
    }

    @Test
    void aWrongOrGarbledChecksumIsRefusedWithTheExpectedOne() {
        SipMessage.Malformed wrong = SipMessage.parse("9900302.00AY1AZFCA6").malformed();
        assertThat(wrong.badChecksum()).isTrue();
        assertThat(wrong.reason()).contains("FCA6").contains("FCA5");

        // A changed character with the old checksum: the sum no longer matches.
        assertThat(SipMessage.parse("9900302.01AY1AZFCA5").malformed().badChecksum()).isTrue();
        assertThat(SipMessage.parse("9900302.00AY1AZFCXZ").malformed().reason()).contains("hexadecimal");
    }

    @Test
    void aCheckoutIsReadFieldByFieldWithOrWithoutErrorDetection() {
        String body = "11YN19980723    090800                  AOCertification Institute ID|AAPatronID|"
                + "ABItemBookID|AC|BON|";
        String withTrailer = body + "AY3AZ";
        withTrailer += SipChecksum.of(withTrailer);

        for (String line : List.of(body, withTrailer)) {
            SipMessage checkout = SipMessage.parse(line).message();
            assertThat(checkout.command()).isEqualTo(SipCommand.CHECKOUT);
            assertThat(checkout.fixed(0, 1)).as("SC renewal policy").isEqualTo("Y");
            assertThat(checkout.fixed(1, 1)).as("no block").isEqualTo("N");
            assertThat(checkout.fixed(2, 18)).isEqualTo("19980723    090800");
            assertThat(checkout.fixed(20, 18)).as("nb due date").isBlank();
            assertThat(checkout.text("AO")).isEqualTo("Certification Institute ID");
            assertThat(checkout.text("AA")).isEqualTo("PatronID");
            assertThat(checkout.text("AB")).isEqualTo("ItemBookID");
            assertThat(checkout.field("AC")).contains("");
            assertThat(checkout.text("BO")).isEqualTo("N");
            assertThat(checkout.field("AD")).isEmpty();
        }
        assertThat(SipMessage.parse(withTrailer).message().sequence()).isEqualTo('3');
        assertThat(SipMessage.parse(body).message().checksummed()).isFalse();
    }

    @Test
    void aLastFieldWithoutItsBarAndRepeatedFieldsAreKept() {
        SipMessage login = SipMessage.parse("9300CNkiosk-1|COsecret|CPOAK").message();
        assertThat(login.text("CN")).isEqualTo("kiosk-1");
        assertThat(login.text("CP")).isEqualTo("OAK");

        SipMessage repeated = SipMessage.parse("1719980723    090800AOX|ABone|ABtwo|").message();
        assertThat(repeated.fields().get("AB")).containsExactly("one", "two");
    }

    @Test
    void aValueEndingLikeAChecksumIsAValueWhenNoFieldEndsBeforeIt() {
        SipMessage item = SipMessage.parse("1719980723    090800AOX|ABBAZ12FF").message();
        assertThat(item.checksummed()).isFalse();
        assertThat(item.text("AB")).isEqualTo("BAZ12FF");
    }

    @Test
    void unknownShortAndTruncatedMessagesAreMalformedWithTheirReason() {
        assertThat(SipMessage.parse("").malformed().reason()).contains("shorter");
        assertThat(SipMessage.parse("42foo").malformed().reason()).contains("unknown command '42'");
        assertThat(SipMessage.parse("\u0001\u0002").malformed().reason()).contains("\\x01\\x02");
        SipMessage.Malformed truncated = SipMessage.parse("11YN1998").malformed();
        assertThat(truncated.reason()).contains("38").contains("6");
        assertThat(truncated.badChecksum()).isFalse();
        assertThat(SipMessage.parse("1719980723    090800AOX|A").malformed().reason()).contains("two-letter id");
    }

    @Test
    void answersEchoTheSequenceAndCarryTheirChecksum() {
        SipMessage request = SipMessage.parse("9900302.00AY1AZFCA5").message();
        String answer = new SipAnswer("94").fixed("1").toString(request);

        assertThat(answer).isEqualTo("941AY1AZ" + SipChecksum.of("941AY1AZ"));
        assertThat(new SipAnswer("94").fixed("0").toString(SipMessage.parse("9300CNa|COb|").message()))
                .isEqualTo("940");
    }

    @Test
    void fieldsLoseBarsAndControlCharactersAndStopAt255() {
        String answer = new SipAnswer("18").field("AJ", "Yes|No\r\nmaybe").field("AF", null)
                .field("AG", "x".repeat(300)).toString();
        assertThat(answer).startsWith("18AJYesNomaybe|AG").endsWith("x|");
        assertThat(answer.length()).isEqualTo(2 + 2 + 10 + 1 + 2 + 255 + 1);
        assertThat(new SipAnswer("64").count(12345, 4).count(-1, 4).count(7, 4).toString()).isEqualTo("6499990000"
                + "0007");
    }

    @Test
    void everyCopyTypeHasAMediaTypeAndEveryStatusACirculationStatus() {
        assertThat(SipActs.mediaType(org.carrel.catalog.ItemType.PAPERBACK)).isEqualTo("001");
        assertThat(SipActs.mediaType(org.carrel.catalog.ItemType.MAGAZINE)).isEqualTo("002");
        assertThat(SipActs.mediaType(org.carrel.catalog.ItemType.DVD)).isEqualTo("006");
        assertThat(SipActs.mediaType(org.carrel.catalog.ItemType.EQUIPMENT)).isEqualTo("000");
        for (org.carrel.catalog.ItemStatus status : org.carrel.catalog.ItemStatus.values()) {
            assertThat(SipActs.circulationStatus(status)).as(status.name()).matches("\\d{2}");
        }
        assertThat(SipActs.circulationStatus(org.carrel.catalog.ItemStatus.ON_HOLD_SHELF)).isEqualTo("08");
        assertThat(SipActs.circulationStatus(org.carrel.catalog.ItemStatus.IN_TRANSIT)).isEqualTo("10");
    }

    @Test
    void datesAreEighteenCharactersInTheLibrarysLocalTime() {
        ZonedDateTime at = ZonedDateTime.of(2026, 3, 9, 14, 5, 7, 0, ZoneId.of("America/Chicago"));
        assertThat(SipDates.of(at)).isEqualTo("20260309    140507").hasSize(18);
        assertThat(SipDates.of(LocalDate.of(2026, 3, 20))).isEqualTo("20260320    235959");
    }
}
