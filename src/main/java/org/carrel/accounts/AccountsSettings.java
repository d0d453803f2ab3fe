package org.carrel.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling ({@code carrel.accounts.*}): after {@code maxFailuresPerAccount} failed sign-ins for one user
 * name, or {@code maxFailuresPerAddress} from one client address, within {@code failureWindow}, further attempts are
 * refused until the window has passed.
 */
@ConfigurationProperties("carrel.accounts")
record AccountsSettings(@DefaultValue("5") int maxFailuresPerAccount,
                        @DefaultValue("20") int maxFailuresPerAddress,
                        @DefaultValue("15m") Duration failureWindow) {
}
