package dev.gcm.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code install-hook}: the script with the settings as its defaults, executable, and what to restart. */
class HookInstallerTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return HookInstaller.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesAnExecutableHookWithItsSettingsAndSaysToRestartLibvirtdOnce(@TempDir Path dir) throws Exception {
        Path hook = dir.resolve("etc/libvirt/hooks/qemu.d/50-gcm");
        assertThat(run(Map.of("GCM_HOOK_TIMEOUT", "2.5"), "install-hook", "--path", hook.toString(), "--socket",
                "/var/run/gcm/a.sock", "--on-error", "allow")).isZero();
        String script = Files.readString(hook);
        assertThat(script).startsWith("#!/bin/sh\n").contains("GCM_HOOK_SOCKET=\"${GCM_HOOK_SOCKET:-/var/run/gcm/a.sock}\"")
                .contains("GCM_HOOK_TIMEOUT=\"${GCM_HOOK_TIMEOUT:-2.5}\"")
                .contains("GCM_HOOK_ON_ERROR=\"${GCM_HOOK_ON_ERROR:-allow}\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hook))).isEqualTo("rwxr-xr-x");
        assertThat(out.toString()).contains("restart it once");
        out.reset();
        assertThat(run(Map.of(), "install-hook", "--path", hook.toString())).isZero();
        assertThat(Files.readString(hook)).contains("${GCM_HOOK_SOCKET:-/run/gcm/hook.sock}")
                .contains("${GCM_HOOK_ON_ERROR:-deny}").contains("${GCM_HOOK_TIMEOUT:-5}");
        assertThat(out.toString()).contains("replaced").doesNotContain("restart");
        try (var files = Files.list(hook.getParent())) {
            assertThat(files).containsExactly(hook);
        }
    }

    @Test
    void badOptionsAreRefusedAndNothingIsWritten(@TempDir Path dir) {
        Path hook = dir.resolve("50-gcm");
        assertThat(run(Map.of(), "install-hook", "--path", hook.toString(), "--timeout", "forever")).isEqualTo(2);
        assertThat(run(Map.of(), "install-hook", "--path", hook.toString(), "--socket", "/tmp/a b.sock")).isEqualTo(2);
        assertThat(run(Map.of(), "install-hook", "--frobnicate")).isEqualTo(2);
        assertThat(run(Map.of(), "install-hook", "--path")).isEqualTo(2);
        assertThat(err.toString()).contains("GCM_HOOK_TIMEOUT").contains("letters, digits").contains("--frobnicate")
                .contains("needs a value");
        assertThat(hook).doesNotExist();
        assertThat(run(Map.of(), "install-hook", "--path", "/proc/gcm-cannot/50-gcm")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot write /proc/gcm-cannot/50-gcm");
    }
}
