package org.carrel.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for scripts and integrations, sent as {@code Authorization: Bearer TOKEN}. A token is 32 random bytes;
 * only its SHA-256 hash is stored (a slow password hash is not needed for a secret with 256 bits of entropy, and
 * would slow every API call), so a token can be shown exactly once, when created.
 */
@Service
public class ApiTokens {

    /** Tokens start with this, so a leaked one is recognisable by secret scanners. */
    static final String PREFIX = "carrel_";

    /** A token just created: the only moment the token itself exists outside the caller's hands. */
    public record NewToken(long id, String token) {
    }

    private final ApiTokenStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ApiTokenStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public NewToken create(String name, Role role, Long schoolId, String actor) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new IllegalArgumentException("a token needs a name of 1 to 100 characters");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = store.insert(name.strip(), hash(token), token.substring(0, PREFIX.length() + 4), role, schoolId,
                actor, now());
        audit.record(actor, "accounts.token.created", "api_token", id, name.strip() + " as " + role);
        return new NewToken(id, token);
    }

    @Transactional
    public boolean revoke(long id, String actor) {
        boolean revoked = store.revoke(id, now());
        if (revoked) {
            audit.record(actor, "accounts.token.revoked", "api_token", id, null);
        }
        return revoked;
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> all() {
        return store.all();
    }

    /** The acting identity of a presented token, or empty when it is unknown or revoked. */
    @Transactional
    public Optional<SignedInUser> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        return store.activeByHash(hash(presented)).map(token -> {
            // Recording every use would write on every API call; a minute's precision is enough to spot stale tokens.
            if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now().minus(Duration.ofMinutes(1)))) {
                store.markUsed(token.id(), now());
            }
            return new SignedInUser(null, "token:" + token.name(), token.name(), token.role(),
                    token.schoolId() == null ? Set.of() : Set.of(token.schoolId()));
        });
    }

    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
