package dev.gcm.hypervisor.env;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Typed values from environment variables, for the agent's and the planner's configuration. */
public final class EnvValues {

    private EnvValues() {
    }

    /**
     * A duration such as {@code 500ms}, {@code 90s}, {@code 5m}, {@code 2h}, {@code 7d} or ISO-8601
     * ({@code PT90S}); the fallback when unset; an error naming the variable when malformed.
     */
    public static Duration duration(Map<String, String> env, String name, Duration fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " must be a duration such as 90s, 5m or 2h, got '" + v + "'");
        }
    }
}
