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
        PlannerConfig c = PlannerConfig.buildFromMap(Map.of("GCM_MEMBERS", "a:5701, b:5701", "GCM_STALE_AFTER", "2m",
                "GCM_HZ_HOST", "10.0.0.7", "GCM_STATE_DIR", "/var/lib/gcm"));
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.hzHost()).isEqualTo("10.0.0.7");
        assertThat(c.stateDir()).contains(Path.of("/var/lib/gcm"));
        assertThat(c.auditDir()).contains(Path.of("/var/lib/gcm/audit"));
        assertThat(c.tombstoneTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(c.clustered()).isTrue();
        assertThat(c.hzPort()).isEqualTo(5701);
        assertThat(c.members()).containsExactly("a:5701", "b:5701");
        assertThat(c.expectedMembers()).isEqualTo(3);
        assertThat(c.staleAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.describe()).containsKeys("GCM_HTTP_PORT", "GCM_TOKENS_FILE").doesNotContainKey("tokens");
        assertThat(c.describe().keySet()).containsExactlyInAnyOrderElementsOf(PlannerConfig.VARIABLES);
    }

    @Test
    void aLoneMemberBindsToLoopbackAndCompanyNeedsAnAddress() {
        PlannerConfig alone = PlannerConfig.buildFromMap(Map.of());
        assertThat(alone.hzHost()).isEqualTo("127.0.0.1");
        assertThat(alone.clustered()).isFalse();
        assertThat(alone.stateDir()).isEmpty();
        assertThat(alone.auditDir()).isEmpty();
        assertThatThrownBy(() -> PlannerConfig.buildFromMap(Map.of("GCM_MEMBERS", "a:5701")))
                .hasMessageContaining("GCM_HZ_HOST");
        assertThatThrownBy(() -> PlannerConfig.buildFromMap(Map.of("GCM_K8S_SERVICE_DNS", "m.ns.svc")))
                .hasMessageContaining("GCM_HZ_HOST");
        assertThat(PlannerConfig.buildFromMap(Map.of("GCM_AUDIT_DIR", "/audit", "GCM_STATE_DIR", "/s")).auditDir())
                .contains(Path.of("/audit"));
    }

    @Test
    void membersWithCompanyNeedTheClusterSecret(@TempDir Path dir) throws Exception {
        PlannerConfig clustered = PlannerConfig.buildFromMap(Map.of("GCM_MEMBERS", "a:5701", "GCM_HZ_HOST", "10.0.0.7"));
        assertThatThrownBy(() -> Main.clusterSecret(clustered)).hasMessageContaining("GCM_CLUSTER_SECRET_FILE");
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "too-short\n");
        PlannerConfig withShort = PlannerConfig.buildFromMap(Map.of("GCM_MEMBERS", "a:5701", "GCM_HZ_HOST", "10.0.0.7",
                "GCM_CLUSTER_SECRET_FILE", secret.toString()));
        assertThatThrownBy(() -> Main.clusterSecret(withShort)).hasMessageContaining("16 bytes");
        Files.writeString(secret, "0123456789abcdef0123\n");
        assertThat(Main.clusterSecret(withShort)).hasValueSatisfying(s -> assertThat(new String(s))
                .isEqualTo("0123456789abcdef0123"));
        assertThat(Main.clusterSecret(PlannerConfig.buildFromMap(Map.of("GCM_MEMBERS", "a:5701", "GCM_HZ_HOST",
                "10.0.0.7", "GCM_INSECURE", "true")))).isEmpty();
        assertThat(Main.clusterSecret(PlannerConfig.buildFromMap(Map.of()))).isEmpty();
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
        RecordingEnv env = new RecordingEnv(Map.of("GCM_MEMBERS", "a:5701", "GCM_HZ_HOST", "10.0.0.7"));
        PlannerConfig.buildFromMap(env);
        assertThat(env.asked()).containsExactlyInAnyOrderElementsOf(PlannerConfig.VARIABLES);
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> PlannerConfig.buildFromMap(Map.of("GCM_HTTP_PORT", "80000")))
                .hasMessageContaining("GCM_HTTP_PORT");
        assertThatThrownBy(() -> PlannerConfig.buildFromMap(Map.of("GCM_STALE_AFTER", "soon")))
                .hasMessageContaining("GCM_STALE_AFTER");
        assertThatThrownBy(() -> PlannerConfig.buildFromMap(Map.of("GCM_TOMBSTONE_TTL", "forever")))
                .hasMessageContaining("GCM_TOMBSTONE_TTL");
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
