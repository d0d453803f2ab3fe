package org.carrel.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.carrel.testing.OnEachDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every statement of the terminal store, on H2 and on PostgreSQL; and the allow-lists' CIDR arithmetic. */
class SipTerminalStoreTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 2, 8, 0, 0, 0, ZoneOffset.UTC);

    @OnEachDatabase
    void storesFindsListsAndDeletesTerminals(JdbcClient jdbc) throws Exception {
        jdbc.sql("""
                insert into school (code, name, lowest_grade, highest_grade, school_level)
                values ('OAK', 'Oak Hill Elementary', 0, 5, 'ELEMENTARY')""").update();
        long school = jdbc.sql("select id from school where code = 'OAK'").query(Long.class).single();
        SipTerminalStore store = new SipTerminalStore(jdbc);
        assertThat(store.count()).isZero();

        long id = store.insert("Kiosk-1", "{bcrypt}hash", school, "10.0.0.0/8", NOW, "admin");
        store.insert("sorter", "{bcrypt}other", school, null, NOW, "admin");

        SipTerminalStore.Stored found = store.byLogin("kiosk-1").orElseThrow();
        assertThat(found.passwordHash()).isEqualTo("{bcrypt}hash");
        assertThat(found.terminal().id()).isEqualTo(id);
        assertThat(found.terminal().login()).isEqualTo("Kiosk-1");
        assertThat(found.terminal().schoolCode()).isEqualTo("OAK");
        assertThat(found.terminal().allowFrom().allows(InetAddress.getByName("10.9.8.7"))).isTrue();
        assertThat(found.terminal().createdAt().toInstant()).isEqualTo(NOW.toInstant());
        assertThat(store.exists("KIOSK-1")).as("logins compare without case").isTrue();
        assertThat(store.all()).extracting(SipTerminal::login).containsExactly("Kiosk-1", "sorter");
        assertThat(store.all().get(1).allowFrom().blocks()).isEmpty();
        assertThatThrownBy(() -> store.insert("sorter", "x", school, null, NOW, "admin"))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(store.delete(id)).isTrue();
        assertThat(store.delete(id)).isFalse();
        assertThat(store.count()).isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void allowListsMatchTheirBlocksOnly() throws Exception {
        AddressRanges ranges = AddressRanges.parse(" 192.168.4.0/22 , 10.1.2.3, fd00::/8");

        assertThat(ranges.text()).isEqualTo("192.168.4.0/22,10.1.2.3,fd00::/8");
        assertThat(ranges.allows(InetAddress.getByName("192.168.7.255"))).isTrue();
        assertThat(ranges.allows(InetAddress.getByName("192.168.8.0"))).isFalse();
        assertThat(ranges.allows(InetAddress.getByName("10.1.2.3"))).isTrue();
        assertThat(ranges.allows(InetAddress.getByName("10.1.2.4"))).isFalse();
        assertThat(ranges.allows(InetAddress.getByName("::ffff:10.1.2.3"))).as("IPv4 written as IPv6").isTrue();
        assertThat(ranges.allows(InetAddress.getByName("fd12::1"))).isTrue();
        assertThat(ranges.allows(InetAddress.getByName("fe80::1"))).isFalse();
        assertThat(AddressRanges.parse("0.0.0.0/0").allows(InetAddress.getByName("203.0.113.9"))).isTrue();
        assertThat(AddressRanges.parse("").blocks()).isEmpty();
        for (String wrong : new String[] {"256.1.1.1", "10.1.1", "example.org", "abc", "10.0.0.0/x", "::1/129"}) {
            assertThatThrownBy(() -> AddressRanges.parse(wrong)).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(wrong.split("/")[0]);
        }
    }
}
