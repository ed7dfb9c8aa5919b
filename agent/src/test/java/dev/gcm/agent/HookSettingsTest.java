package dev.gcm.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HookSettingsTest {

    @Test
    void defaultsAreASocketOnLibvirtHostsFiveSecondsAndDeny() {
        HookSettings libvirt = HookSettings.fromEnv(Map.of(), true);
        assertThat(libvirt.socket()).contains(HookSettings.DEFAULT_SOCKET);
        assertThat(libvirt.deadline()).isEqualTo(Duration.ofSeconds(5));
        assertThat(libvirt.onError()).isEqualTo("deny");
        assertThat(HookSettings.fromEnv(Map.of(), false).socket()).isEmpty();
        assertThat(HookSettings.fromEnv(Map.of("GCM_HOOK_SOCKET", "off"), true).socket()).isEmpty();
        assertThat(HookSettings.fromEnv(Map.of("GCM_HOOK_SOCKET", "/tmp/x/hook.sock"), false).socket())
                .contains(Path.of("/tmp/x/hook.sock"));
    }

    @Test
    void secondsAsCurlTakesThemAndBadValuesNamed() {
        assertThat(HookSettings.fromEnv(Map.of("GCM_HOOK_TIMEOUT", "2.5"), true).deadline()).isEqualTo(Duration.ofMillis(2500));
        assertThat(HookSettings.fromEnv(Map.of("GCM_HOOK_TIMEOUT", "3s"), true).timeoutText()).isEqualTo("3");
        assertThat(HookSettings.fromEnv(Map.of("GCM_HOOK_ON_ERROR", "ALLOW"), true).onError()).isEqualTo("allow");
        for (String bad : new String[] {"0", "500ms", "-1", "5m", "1000", "x"}) {
            assertThatThrownBy(() -> HookSettings.fromEnv(Map.of("GCM_HOOK_TIMEOUT", bad), true)).as(bad)
                    .hasMessageContaining("GCM_HOOK_TIMEOUT");
        }
        assertThatThrownBy(() -> HookSettings.fromEnv(Map.of("GCM_HOOK_ON_ERROR", "maybe"), true))
                .hasMessageContaining("deny or allow");
        assertThatThrownBy(() -> HookSettings.fromEnv(Map.of("GCM_HOOK_SOCKET", "relative.sock"), true))
                .hasMessageContaining("absolute");
    }
}
