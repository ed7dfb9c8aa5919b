package dev.gcm.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar gcm-agent.jar install-hook [--path FILE] [--socket PATH] [--timeout SECONDS]
 * [--on-error deny|allow]}: writes the migration hook script (by default
 * {@code /etc/libvirt/hooks/qemu.d/50-gcm}, mode 0755) with the agent's socket, the hook's deadline and its
 * error policy as its defaults (from the options, else GCM_HOOK_SOCKET, GCM_HOOK_TIMEOUT, GCM_HOOK_ON_ERROR),
 * atomically, and says whether libvirtd must be restarted to see it (a new hook: yes; a changed one: no).
 */
final class HookInstaller {

    static final Path DEFAULT_PATH = Path.of("/etc/libvirt/hooks/qemu.d/50-gcm");
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9/._+-]{1,250}");

    private HookInstaller() {
    }

    /** The script with these settings as its defaults. */
    static String script(HookSettings settings) {
        String socket = settings.socket().orElse(HookSettings.DEFAULT_SOCKET).toString();
        if (!SAFE_PATH.matcher(socket).matches()) {
            throw new IllegalArgumentException("the hook socket must be an absolute path of letters, digits and /._+-,"
                    + " got '" + socket + "'");
        }
        String s = template();
        s = setDefault(s, "GCM_HOOK_SOCKET", socket);
        s = setDefault(s, "GCM_HOOK_TIMEOUT", settings.timeoutText());
        return setDefault(s, "GCM_HOOK_ON_ERROR", settings.onError());
    }

    private static String setDefault(String script, String name, String value) {
        Matcher m = Pattern.compile("(?m)^" + name + "=\"\\$\\{" + name + ":-[^}]*\\}\"$").matcher(script);
        if (!m.find()) {
            throw new IllegalStateException("the hook template has no default for " + name);
        }
        return m.replaceFirst(Matcher.quoteReplacement(name + "=\"${" + name + ":-" + value + "}\""));
    }

    static String template() {
        try (InputStream in = HookInstaller.class.getResourceAsStream("/dev/gcm/agent/50-gcm")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the hook script is missing from the agent's jar", e);
        }
    }

    /** Runs the command; returns the exit code (0 installed, 2 bad options, 1 could not write). */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Path path = DEFAULT_PATH;
        Map<String, String> settingsEnv = new java.util.HashMap<>(env);
        try {
            for (int i = 1; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--path" -> path = Path.of(required(args[i], value));
                    case "--socket" -> settingsEnv.put("GCM_HOOK_SOCKET", required(args[i], value));
                    case "--timeout" -> settingsEnv.put("GCM_HOOK_TIMEOUT", required(args[i], value));
                    case "--on-error" -> settingsEnv.put("GCM_HOOK_ON_ERROR", required(args[i], value));
                    default -> throw new IllegalArgumentException("unknown option '" + args[i]
                            + "' (install-hook [--path FILE] [--socket PATH] [--timeout SECONDS] [--on-error deny|allow])");
                }
                i++;
            }
            HookSettings settings = HookSettings.fromEnv(settingsEnv, true);
            boolean existed = Files.exists(path);
            install(path, script(settings));
            out.printf("installed the GCM migration hook at %s (agent socket %s, deadline %s s, on error: %s)%n", path,
                    settings.socket().orElse(HookSettings.DEFAULT_SOCKET), settings.timeoutText(), settings.onError());
            out.println(existed ? "it replaced the hook there; libvirtd runs the new one from the next migration on"
                    : "libvirtd looks for hooks only when it starts: restart it once (systemctl restart libvirtd, or"
                            + " virtqemud where libvirt runs modular daemons) for this hook to take effect");
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("gcm-agent install-hook: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("gcm-agent install-hook: cannot write " + path + ": " + Failures.describe(e));
            return 1;
        }
    }

    private static String required(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static void install(Path path, String script) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".50-gcm-", ".tmp");
        try {
            Files.writeString(tmp, script);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
