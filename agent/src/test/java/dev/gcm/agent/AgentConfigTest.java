package dev.gcm.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gcm.hypervisor.env.RecordingEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {

    private static final String PLANNER = "http://planner:8080";

    @Test
    void variablesListsExactlyWhatTheConfigurationReads() {
        RecordingEnv env = new RecordingEnv(Map.of("GCM_PLANNER_URLS", PLANNER));
        AgentConfig.buildFromMap(env);
        assertThat(env.asked()).containsExactlyInAnyOrderElementsOf(AgentConfig.VARIABLES);
        for (String required : AgentConfig.REQUIRED) {
            assertThatThrownBy(() -> AgentConfig.buildFromMap(Map.of())).hasMessageContaining(required);
        }
    }

    @Test
    void theTokenComesFromTheVariableOrAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "agent-token-0123456789\n");
        assertThat(AgentConfig.buildFromMap(Map.of("GCM_PLANNER_URLS", PLANNER, "GCM_TOKEN_FILE", file.toString()))
                .token()).hasValue("agent-token-0123456789");
        assertThat(AgentConfig.buildFromMap(Map.of("GCM_PLANNER_URLS", PLANNER, "GCM_TOKEN", "t")).token()).hasValue("t");
        assertThatThrownBy(() -> AgentConfig.buildFromMap(Map.of("GCM_PLANNER_URLS", PLANNER,
                "GCM_TOKEN_FILE", file.toString(), "GCM_TOKEN", "t"))).hasMessageContaining("not both");
        assertThatThrownBy(() -> AgentConfig.buildFromMap(Map.of("GCM_PLANNER_URLS", PLANNER,
                "GCM_TOKEN_FILE", dir.resolve("missing").toString()))).hasMessageContaining("GCM_TOKEN_FILE");
        assertThat(AgentConfig.buildFromMap(Map.of("GCM_PLANNER_URLS", PLANNER)).describe().toString())
                .doesNotContain("agent-token");
    }

    @Test
    void theNodeNameIsTheHostIdUnlessOneIsGiven() {
        assertThat(AgentConfig.buildFromMap(Map.of("GCM_PLANNER_URLS", PLANNER, "NODE_NAME", "node-7")).hostId())
                .isEqualTo("node-7");
        assertThat(AgentConfig.buildFromMap(Map.of("GCM_PLANNER_URLS", PLANNER, "NODE_NAME", "node-7",
                "GCM_HOST_ID", "h1")).hostId()).isEqualTo("h1");
    }

    @Test
    void theLibvirtProbeIsTheDefaultWhereLibvirtIsAndItsOptionsAreRead() {
        assertThat(AgentConfig.probeKind(null, java.util.Optional.of("qemu+unix:///system?socket=/x"))).isEqualTo("libvirt");
        assertThat(AgentConfig.probeKind("auto", java.util.Optional.of("qemu:///system"))).isEqualTo("libvirt");
        assertThat(AgentConfig.probeKind("kvm", java.util.Optional.of("qemu:///system"))).isEqualTo("kvm");
        boolean socketHere = AgentConfig.LIBVIRT_SOCKETS.stream().anyMatch(Files::exists);
        assertThat(AgentConfig.probeKind(null, java.util.Optional.empty())).isEqualTo(socketHere ? "libvirt" : "qemu");
        AgentConfig c = AgentConfig.buildFromMap(Map.of("GCM_PLANNER_URLS", PLANNER, "GCM_LIBVIRT_URI", "qemu:///session",
                "GCM_LIBVIRT_MASK_FEATURES", "vx, vxeh"));
        assertThat(c.probe().kind()).isEqualTo("libvirt");
        assertThat(c.probe().libvirt().uri()).isEqualTo("qemu:///session");
        assertThat(c.probe().libvirt().maskedFeatures()).containsExactly("vx", "vxeh");
        assertThat(c.hook().socket()).contains(HookSettings.DEFAULT_SOCKET);
        assertThat(c.describe()).containsKeys("GCM_LIBVIRT_URI", "GCM_LIBVIRT_MASK_FEATURES", "GCM_BACKOFF_MAX",
                "GCM_HOOK_SOCKET", "GCM_HOOK_TIMEOUT", "GCM_HOOK_ON_ERROR");
    }

    @Test
    void theBackoffCapIsADurationOfAtLeastASecond() {
        assertThat(AgentConfig.buildFromMap(Map.of("GCM_PLANNER_URLS", PLANNER)).backoffMax())
                .isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(AgentConfig.buildFromMap(Map.of("GCM_PLANNER_URLS", PLANNER, "GCM_BACKOFF_MAX", "30s")).backoffMax())
                .isEqualTo(java.time.Duration.ofSeconds(30));
        assertThatThrownBy(() -> AgentConfig.buildFromMap(Map.of("GCM_PLANNER_URLS", PLANNER, "GCM_BACKOFF_MAX", "500ms")))
                .hasMessageContaining("GCM_BACKOFF_MAX");
        assertThatThrownBy(() -> AgentConfig.buildFromMap(Map.of("GCM_PLANNER_URLS", PLANNER, "GCM_BACKOFF_MAX", "soon")))
                .hasMessageContaining("GCM_BACKOFF_MAX");
    }
}
