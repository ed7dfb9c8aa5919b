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
}
