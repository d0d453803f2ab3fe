package org.carrel.accounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why a new password is refused, in the order checked. Message key: accounts.password.NAME */
enum PasswordRule {
    TOO_SHORT {
        boolean refuses(String username, String password) {
            return password.length() < MIN_LENGTH;
        }
    },
    TOO_LONG {
        boolean refuses(String username, String password) {
            return password.length() > 200;
        }
    },
    CONTAINS_USERNAME {
        boolean refuses(String username, String password) {
            return username != null && username.length() >= 3
                    && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT));
        }
    };

    static final int MIN_LENGTH = 10;

    abstract boolean refuses(String username, String password);

    String messageKey() {
        return "accounts.password." + name();
    }

    static Optional<PasswordRule> firstBrokenBy(String username, String password) {
        return Arrays.stream(values()).filter(rule -> rule.refuses(username, password == null ? "" : password))
                .findFirst();
    }
}
