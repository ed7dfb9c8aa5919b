package dev.gcm.agent;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The libvirt migration hook's settings: the agent's Unix socket the hook talks to, and what
 * {@code install-hook} writes into the hook script as its defaults (its own deadline, and what it does when
 * the agent or the planner cannot answer).
 *
 * @param socket  where the agent listens for the hook; empty: no hook endpoint
 * @param timeout the hook's whole deadline (whole or decimal seconds, as curl's {@code --max-time} takes it)
 * @param onError {@code deny} (the default: no migration without a decision) or {@code allow}
 */
public record HookSettings(Optional<Path> socket, BigDecimal timeout, String onError) {

    /** Where the agent listens by default on a libvirt host. */
    public static final Path DEFAULT_SOCKET = Path.of("/run/gcm/hook.sock");

    public HookSettings {
        if (timeout.signum() <= 0 || timeout.compareTo(BigDecimal.valueOf(300)) > 0) {
            throw new IllegalArgumentException("GCM_HOOK_TIMEOUT must be between 0 and 300 seconds, got " + timeout);
        }
        if (!onError.equals("deny") && !onError.equals("allow")) {
            throw new IllegalArgumentException("GCM_HOOK_ON_ERROR must be deny or allow, got '" + onError + "'");
        }
    }

    /** GCM_HOOK_SOCKET ({@code off} for none; default /run/gcm/hook.sock with the libvirt probe), GCM_HOOK_TIMEOUT, GCM_HOOK_ON_ERROR. */
    static HookSettings fromEnv(Map<String, String> env, boolean libvirt) {
        String socket = env.getOrDefault("GCM_HOOK_SOCKET", "").trim();
        Optional<Path> path = socket.equalsIgnoreCase("off") ? Optional.empty()
                : !socket.isEmpty() ? Optional.of(Path.of(socket))
                : libvirt ? Optional.of(DEFAULT_SOCKET) : Optional.empty();
        if (path.isPresent() && !path.get().isAbsolute()) {
            throw new IllegalArgumentException("GCM_HOOK_SOCKET must be an absolute path, got '" + socket + "'");
        }
        return new HookSettings(path, seconds(env.getOrDefault("GCM_HOOK_TIMEOUT", "5")),
                env.getOrDefault("GCM_HOOK_ON_ERROR", "deny").trim().toLowerCase(Locale.ROOT));
    }

    /** Seconds as the hook script and curl take them: {@code 5}, {@code 2.5}, or with an {@code s}. */
    static BigDecimal seconds(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        t = t.endsWith("s") && !t.endsWith("ms") ? t.substring(0, t.length() - 1) : t;
        try {
            if (!t.matches("[0-9]{1,3}(\\.[0-9]{1,3})?")) {
                throw new NumberFormatException();
            }
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("GCM_HOOK_TIMEOUT must be seconds such as 5 or 2.5, got '" + text + "'");
        }
    }

    public String timeoutText() {
        return timeout.stripTrailingZeros().toPlainString();
    }

    /** The deadline as a duration. */
    public Duration deadline() {
        return Duration.ofMillis(timeout.movePointRight(3).longValue());
    }
}
