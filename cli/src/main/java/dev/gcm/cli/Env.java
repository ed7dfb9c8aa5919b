package dev.gcm.cli;

import java.util.function.Function;

/**
 * The environment variables gcm reads ($GCM_PLANNER, $GCM_TOKEN, $GCM_CONTEXT, $GCM_CONFIG, ...), in one
 * place, so that in-process tests can give their own instead of the test JVM's (and never touch the
 * user's configuration file).
 */
public final class Env {

    private static volatile Function<String, String> source = System::getenv;

    private Env() {
    }

    public static String get(String name) {
        return source.apply(name);
    }

    /** Tests only: read variables from {@code variables} instead of the process environment. */
    public static void use(Function<String, String> variables) {
        source = variables;
    }
}
