package org.carrel.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * Skipping a suite that cannot run here, loudly: Maven's console counts skipped tests but does not say why, so the
 * reason is also printed where the build log shows it.
 */
public final class Skips {

    private Skips() {
    }

    public static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("[SKIPPED] " + reason);
            Assumptions.abort(reason);
        }
    }
}
