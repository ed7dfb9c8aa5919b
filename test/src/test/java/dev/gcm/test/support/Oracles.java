package dev.gcm.test.support;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when a real oracle (a QEMU release, libvirt) is missing: in CI ({@code GCM_REQUIRE_ORACLES=1},
 * set by {@code .ci/run}) it fails, because a differential test that does not run proves nothing; elsewhere it
 * is skipped with a loud line on stderr.
 */
public final class Oracles {

    private Oracles() {
    }

    public static boolean required() {
        return "1".equals(System.getenv("GCM_REQUIRE_ORACLES"));
    }

    /** Fails (CI) or skips (elsewhere) the calling test; never returns. */
    public static RuntimeException missing(String what) {
        String message = "ORACLE MISSING: " + what + " (.ci/run installs it)";
        if (required()) {
            throw new AssertionError(message + "; GCM_REQUIRE_ORACLES=1 makes this a failure");
        }
        System.err.println("\n!!!!!!!! " + message + ": SKIPPING a differential test !!!!!!!!\n");
        Assumptions.abort(message);
        return new IllegalStateException("unreachable");
    }
}
