package dev.gcm.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gcm.hypervisor.env.RecordingEnv;
import dev.gcm.planner.auth.Role;
import dev.gcm.planner.auth.TokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerConfigTest {

    @Test
    void readsTheEnvironmentWithDefaults() {
        PlannerConfig c = PlannerConfig.buildFromMap(Map.of("GCM_MEMBERS", "a:5701, b:5701", "GCM_STALE_AFTER", "2m"));
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.hzPort()).isEqualTo(5701);
        assertThat(c.members()).containsExactly("a:5701", "b:5701");
        assertThat(c.expectedMembers()).isEqualTo(3);
        assertThat(c.staleAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.describe()).containsKeys("GCM_HTTP_PORT", "GCM_TOKENS_FILE").doesNotContainKey("tokens");
    }

    @Test
    void theFrontDoorIsSizedByTheCoresUnlessTold() {
        int cores = Runtime.getRuntime().availableProcessors();
        ApiConfig api = PlannerConfig.buildFromMap(Map.of()).api();
        assertThat(api.instances()).isEqualTo(cores);
        assertThat(api.workerThreads()).isEqualTo(Math.max(1, cores / 2));
        assertThat(api.idleTimeout()).isEqualTo(Duration.ofSeconds(10));
        ApiConfig told = PlannerConfig.buildFromMap(Map.of("GCM_HTTP_INSTANCES", "3", "GCM_EVENT_STREAMS_MAX", "5",
                "GCM_HTTP_REQUEST_TIMEOUT", "2s")).api();
        assertThat(told.instances()).isEqualTo(3);
        assertThat(told.streamsMax()).isEqualTo(5);
        assertThat(told.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> PlannerConfig.buildFromMap(Map.of("GCM_HTTP_INSTANCES", "0")))
                .hasMessageContaining("GCM_HTTP_INSTANCES");
        assertThatThrownBy(() -> PlannerConfig.buildFromMap(Map.of("GCM_WORKER_QUEUE", "-1")))
                .hasMessageContaining("GCM_WORKER_QUEUE");
        assertThat(PlannerConfig.buildFromMap(Map.of()).describe()).containsKeys(ApiConfig.VARIABLES.toArray(String[]::new));
    }

    @Test
    void variablesListsExactlyWhatTheConfigurationReads() {
        RecordingEnv env = new RecordingEnv(Map.of());
        PlannerConfig.buildFromMap(env);
        assertThat(env.asked()).containsExactlyInAnyOrderElementsOf(PlannerConfig.VARIABLES);
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> PlannerConfig.buildFromMap(Map.of("GCM_HTTP_PORT", "80000")))
                .hasMessageContaining("GCM_HTTP_PORT");
        assertThatThrownBy(() -> PlannerConfig.buildFromMap(Map.of("GCM_STALE_AFTER", "soon")))
                .hasMessageContaining("GCM_STALE_AFTER");
        assertThatThrownBy(() -> PlannerConfig.buildFromMap(Map.of("GCM_TLS_CERT", "/c.pem")))
                .hasMessageContaining("GCM_TLS_KEY");
    }

    @Test
    void refusesToServeWithoutTokensUnlessInsecureIsAsked() throws Exception {
        assertThatThrownBy(() -> Main.tokens(PlannerConfig.buildFromMap(Map.of())))
                .hasMessageContaining("GCM_TOKENS_FILE").hasMessageContaining("GCM_INSECURE");
        assertThat(Main.tokens(PlannerConfig.buildFromMap(Map.of("GCM_INSECURE", "true")))).isEmpty();
    }

    @Test
    void tokensFileRulesAreEnforced(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.json");
        Files.writeString(f, "{\"tokens\": [{\"token\": \"short\", \"role\": \"admin\"}]}");
        assertThatThrownBy(() -> TokenStore.load(f)).hasMessageContaining("16 characters");
        Files.writeString(f, "{\"tokens\": [{\"token\": \"0123456789abcdef\", \"role\": \"agent\"}]}");
        assertThatThrownBy(() -> TokenStore.load(f)).hasMessageContaining("names its host");
        Files.writeString(f, "{\"tokens\": [{\"token\": \"0123456789abcdef\", \"role\": \"root\"}]}");
        assertThatThrownBy(() -> TokenStore.load(f)).hasMessageContaining("role must be");
        Files.writeString(f, "{\"tokens\": [{\"token\": \"0123456789abcdef\", \"role\": \"agent\", \"host\": \"h1\"}]}");
        TokenStore store = TokenStore.load(f);
        var caller = store.authenticate("0123456789abcdef").orElseThrow();
        assertThat(caller.role()).isEqualTo(Role.AGENT);
        assertThat(caller.mayWriteHost("h1")).isTrue();
        assertThat(caller.mayWriteHost("h2")).isFalse();
        assertThat(caller.name()).doesNotContain("0123456789abcdef");
        assertThat(store.authenticate("0123456789abcdeX")).isEmpty();
    }
}
