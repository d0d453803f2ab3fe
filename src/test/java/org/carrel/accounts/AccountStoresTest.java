package org.carrel.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.carrel.testing.OnEachDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The accounts module's SQL on each supported database. */
class AccountStoresTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 27, 8, 0, 0, 0, ZoneOffset.UTC);

    @OnEachDatabase
    void keepsAnAccountWithItsSchoolsAndFindsItByUsername(JdbcClient jdbc) {
        AccountStore store = new AccountStore(jdbc);
        long id = store.insert("lee", "Lee Librarian", "{noop}x", Role.LIBRARIAN, true, Set.of(3L, 4L), NOW);
        AccountStore.Credentials found = store.credentials("lee").orElseThrow();
        assertThat(found.account().id()).isEqualTo(id);
        assertThat(found.account().schoolIds()).containsExactlyInAnyOrder(3L, 4L);
        assertThat(found.account().createdAt().toInstant()).isEqualTo(NOW.toInstant());
        assertThat(found.passwordHash()).isEqualTo("{noop}x");
        assertThat(store.all()).singleElement().satisfies(a -> assertThat(a.schoolIds()).hasSize(2));
    }

    @OnEachDatabase
    void refusesASecondAccountWithTheSameUsername(JdbcClient jdbc) {
        AccountStore store = new AccountStore(jdbc);
        store.insert("sam", "Sam", "{noop}x", Role.STUDENT, true, Set.of(), NOW);
        assertThatThrownBy(() -> store.insert("sam", "Other Sam", "{noop}y", Role.STUDENT, true, Set.of(), NOW))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @OnEachDatabase
    void updatesOnlyTheVersionItWasGiven(JdbcClient jdbc) {
        AccountStore store = new AccountStore(jdbc);
        long id = store.insert("pat", "Pat", "{noop}x", Role.PARAPROFESSIONAL, true, Set.of(1L), NOW);
        assertThat(store.update(id, 0, "Pat P.", Role.LIBRARIAN, true, Set.of(2L))).isTrue();
        assertThat(store.update(id, 0, "Stale", Role.VOLUNTEER, false, Set.of())).isFalse();
        AccountView pat = store.credentials(id).orElseThrow().account();
        assertThat(pat.displayName()).isEqualTo("Pat P.");
        assertThat(pat.schoolIds()).containsExactly(2L);
        assertThat(pat.version()).isEqualTo(1);
    }

    @OnEachDatabase
    void findsActiveTokensByHashOnly(JdbcClient jdbc) {
        ApiTokenStore store = new ApiTokenStore(jdbc);
        long id = store.insert("sync", "a".repeat(64), "carrel_abcd", Role.LIBRARIAN, 7L, "admin", NOW);
        assertThat(store.activeByHash("a".repeat(64))).hasValueSatisfying(t -> assertThat(t.schoolId()).isEqualTo(7L));
        store.markUsed(id, NOW.plusMinutes(5));
        assertThat(store.revoke(id, NOW.plusMinutes(6))).isTrue();
        assertThat(store.revoke(id, NOW.plusMinutes(7))).isFalse();
        assertThat(store.activeByHash("a".repeat(64))).isEmpty();
        assertThat(store.all()).singleElement().satisfies(t -> {
            assertThat(t.active()).isFalse();
            assertThat(t.lastUsedAt().toInstant()).isEqualTo(NOW.plusMinutes(5).toInstant());
        });
    }

    @OnEachDatabase
    void listsAuditEntriesNewestFirstAndFiltersThem(JdbcClient jdbc) {
        AuditStore store = new AuditStore(jdbc);
        store.append(NOW, "admin", "accounts.account.created", "account", "1", "lee as LIBRARIAN", "10.0.0.1");
        store.append(NOW.plusSeconds(1), "lee", "district.school.updated", "school", "5", null, null);
        store.append(NOW.plusSeconds(2), "admin", "accounts.token.created", "api_token", "2", null, null);
        assertThat(store.newest(null, 10)).extracting(AuditEntry::action).containsExactly(
                "accounts.token.created", "district.school.updated", "accounts.account.created");
        assertThat(store.newest("ADMIN", 10)).hasSize(2);
        assertThat(store.newest("5", 10)).extracting(AuditEntry::actor).containsExactly("lee");
        assertThat(store.newest("accounts.", 10)).hasSize(2);
        assertThat(store.newest(null, 1)).hasSize(1);
    }
}
