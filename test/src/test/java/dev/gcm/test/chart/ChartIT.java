package dev.gcm.test.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import dev.gcm.agent.AgentConfig;
import dev.gcm.planner.PlannerConfig;
import dev.gcm.planner.ReadyCheck;
import dev.gcm.planner.auth.TokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** charts/gcm with a real helm (helm-java bundles helm's Go library): lint, render, schema, and the rendered objects. */
class ChartIT {

    private static final Path ROOT = Path.of(System.getProperty("gcm.root", "..")).toAbsolutePath().normalize();
    private static final Path CHART = ROOT.resolve("charts/gcm");
    private static final String PLANNER = "gcm-planner";
    private static final String AGENT = "gcm-agent";
    private static final String AGENT_TOKEN = "node-a-token-0123456789";

    private static Rendered render(Map<String, Object> values) throws Exception {
        return render(CHART, values);
    }

    /**
     * helm-java's template leaves hooks out (as {@code helm template --no-hooks}); to look at the rendered
     * {@code helm test} pod, render a copy of the chart in which its hook annotations are plain annotations.
     */
    private static Rendered renderWithHooks(Map<String, Object> values) throws Exception {
        Path copy = Files.createTempDirectory("gcm-chart");
        try (var files = Files.walk(CHART)) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(CHART.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.writeString(to, Files.readString(f).replace("helm.sh/hook", "was.helm.sh/hook"));
                }
            }
        }
        return render(copy, values);
    }

    private static Rendered render(Path chart, Map<String, Object> values) throws Exception {
        TemplateCommand t = new Helm(chart).template().withName("gcm").withNamespace("gcm-system")
                .withKubeVersion("1.31.0");
        // helm-java renders with a cluster client; with no cluster here, Helm's lookup would fail the render
        t.set("tokens.reuseExisting", false);
        values.forEach(t::set);
        return new Rendered(t.call());
    }

    @Test
    void lintsStrictly() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void theDefaultsRenderAPlannerClusterAndAnAgentPerS390xNode() throws Exception {
        Rendered r = render(Map.of());
        JsonNode sts = r.get("StatefulSet", PLANNER);
        assertThat(sts.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(sts.path("spec").path("podManagementPolicy").asText()).isEqualTo("Parallel");
        JsonNode headless = r.get("Service", PLANNER + "-members");
        assertThat(headless.path("spec").path("clusterIP").asText()).isEqualTo("None");
        assertThat(headless.path("spec").path("publishNotReadyAddresses").asBoolean()).isTrue();
        assertThat(sts.path("spec").path("serviceName").asText()).isEqualTo(PLANNER + "-members");
        assertThat(r.get("Service", PLANNER).path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(8080);
        assertThat(r.get("PodDisruptionBudget", PLANNER).path("spec").path("maxUnavailable").asInt()).isEqualTo(1);
        JsonNode anti = Rendered.podSpec(sts).path("affinity").path("podAntiAffinity")
                .path("requiredDuringSchedulingIgnoredDuringExecution").get(0);
        assertThat(anti.path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
        assertThat(anti.path("labelSelector").path("matchLabels")).isEqualTo(sts.path("spec").path("selector").path("matchLabels"));

        JsonNode planner = Rendered.podSpec(sts).path("containers").get(0);
        assertThat(planner.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/readyz");
        assertThat(planner.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/livez");
        assertThat(planner.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/livez");
        assertThat(planner.path("resources").path("requests").path("memory").asText()).isNotEmpty();
        assertThat(Rendered.env(planner).get("GCM_K8S_SERVICE_DNS"))
                .isEqualTo(PLANNER + "-members.gcm-system.svc.cluster.local");

        JsonNode ds = r.get("DaemonSet", AGENT);
        JsonNode agentPod = Rendered.podSpec(ds);
        assertThat(agentPod.path("nodeSelector").path("kubernetes.io/arch").asText()).isEqualTo("s390x");
        JsonNode agent = agentPod.path("containers").get(0);
        Map<String, String> agentEnv = Rendered.env(agent);
        assertThat(agentEnv.get("NODE_NAME")).isEqualTo("spec.nodeName");
        assertThat(agentEnv.get("GCM_PLANNER_URLS")).isEqualTo("http://" + PLANNER + ".gcm-system.svc:8080");
        assertThat(agent.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/readyz");
        assertThat(agent.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/livez");
        assertThat(agent.path("resources").path("limits").path("devices.kubevirt.io/kvm").asText()).isEqualTo("1");
    }

    @Test
    void everyPodRunsRestrictedWithTheAgentsExceptionsReadOnly() throws Exception {
        Rendered r = renderWithHooks(Map.of());
        List<JsonNode> pods = new ArrayList<>();
        pods.add(r.get("StatefulSet", PLANNER));
        pods.add(r.get("DaemonSet", AGENT));
        pods.add(r.get("Pod", "gcm-test-readyz"));
        for (JsonNode o : pods) {
            // the agent's exception: root (libvirtd lets root in without polkit), with nothing else
            boolean root = o.path("kind").asText().equals("DaemonSet");
            assertRestricted(o, !root);
        }
        assertRestricted(render(Map.of("agent.libvirt.runAsRoot", false)).get("DaemonSet", AGENT), true);
        assertRestricted(render(Map.of("agent.libvirt.enabled", false)).get("DaemonSet", AGENT), true);
        // the agent's other exceptions: host paths for its token and libvirt's sockets, read-only; the
        // directory of its hook socket; the hooks directory, written by the init container only
        JsonNode agentPod = Rendered.podSpec(r.get("DaemonSet", AGENT));
        Set<String> hostPaths = new java.util.TreeSet<>();
        for (JsonNode v : agentPod.path("volumes")) {
            if (v.has("hostPath")) {
                hostPaths.add(v.path("name").asText());
            }
        }
        assertThat(hostPaths).containsExactly("hook-socket", "libvirt-hooks", "libvirt-run", "token");
        Set<String> writable = new java.util.TreeSet<>();
        for (JsonNode m : agentPod.path("containers").get(0).path("volumeMounts")) {
            if (hostPaths.contains(m.path("name").asText()) && !m.path("readOnly").asBoolean()) {
                writable.add(m.path("name").asText());
            }
        }
        assertThat(writable).containsExactly("hook-socket");
        for (JsonNode m : agentPod.path("initContainers").get(0).path("volumeMounts")) {
            assertThat(m.path("readOnly").asBoolean()).as(m.toString())
                    .isEqualTo(!Set.of("libvirt-hooks", "tmp").contains(m.path("name").asText()));
        }
        assertThat(render(Map.of("agent.qmpSocketDir", "/var/lib/gcm/qmp")).get("DaemonSet", AGENT).toString())
                .contains("/var/lib/gcm/qmp");
        for (JsonNode v : Rendered.podSpec(r.get("StatefulSet", PLANNER)).path("volumes")) {
            assertThat(v.has("hostPath")).as(v.toString()).isFalse();
        }
        // least privilege: no RBAC at all (DNS discovery needs none)
        assertThat(r.ofKind("Role")).isEmpty();
        assertThat(r.ofKind("ClusterRole")).isEmpty();
        assertThat(r.ofKind("RoleBinding")).isEmpty();
        assertThat(r.ofKind("ClusterRoleBinding")).isEmpty();
    }

    private static void assertRestricted(JsonNode o, boolean nonRoot) {
        JsonNode spec = Rendered.podSpec(o);
        String what = o.path("kind").asText();
        assertThat(spec.path("automountServiceAccountToken").asBoolean(true)).as(what).isFalse();
        assertThat(spec.path("securityContext").path("runAsNonRoot").asBoolean()).as(what).isEqualTo(nonRoot);
        assertThat(spec.path("securityContext").path("runAsUser").asInt(-1)).as(what).isEqualTo(nonRoot ? 10001 : 0);
        assertThat(spec.path("hostNetwork").asBoolean(false)).as(what).isFalse();
        assertThat(spec.path("hostPID").asBoolean(false)).as(what).isFalse();
        List<JsonNode> containers = new ArrayList<>();
        spec.path("containers").forEach(containers::add);
        spec.path("initContainers").forEach(containers::add);
        for (JsonNode c : containers) {
            JsonNode sc = c.path("securityContext");
            assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as(what).isFalse();
            assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as(what).isTrue();
            assertThat(sc.path("runAsNonRoot").asBoolean()).as(what).isEqualTo(nonRoot);
            assertThat(sc.path("privileged").asBoolean(false)).as(what).isFalse();
            assertThat(sc.path("capabilities").path("drop").toString()).as(what).isEqualTo("[\"ALL\"]");
            assertThat(sc.path("capabilities").has("add")).as(what).isFalse();
            assertThat(sc.path("seccompProfile").path("type").asText()).as(what).isEqualTo("RuntimeDefault");
        }
    }

    @Test
    void theMigrationHookIsInstalledWhereLibvirtdRunsAndAnsweredOnARootOnlySocket() throws Exception {
        JsonNode pod = Rendered.podSpec(render(Map.of("agent.libvirt.hook.socketDir", "/var/run/gcm-x",
                "agent.libvirt.hook.timeout", "2.5", "agent.libvirt.hook.onError", "allow")).get("DaemonSet", AGENT));
        JsonNode init = pod.path("initContainers").get(0);
        assertThat(init.path("name").asText()).isEqualTo("install-hook");
        assertThat(init.path("image").asText()).isEqualTo(pod.path("containers").get(0).path("image").asText());
        String script = init.path("args").get(0).asText();
        assertThat(script).contains("[ -S /host/run/libvirt/libvirt-sock ]")
                .contains("-jar /opt/gcm/gcm-agent.jar install-hook --path /host/hooks/50-gcm --socket /var/run/gcm-x/hook.sock");
        Map<String, String> initEnv = Rendered.env(init);
        assertThat(initEnv).containsEntry("GCM_HOOK_TIMEOUT", "2.5").containsEntry("GCM_HOOK_ON_ERROR", "allow");
        assertThat(AgentConfig.VARIABLES).containsAll(initEnv.keySet());
        Map<String, String> hostPaths = new HashMap<>();
        pod.path("volumes").forEach(v -> hostPaths.put(v.path("name").asText(), v.path("hostPath").path("path").asText()));
        assertThat(hostPaths).containsEntry("libvirt-hooks", "/etc/libvirt/hooks/qemu.d")
                .containsEntry("hook-socket", "/var/run/gcm-x").containsEntry("libvirt-run", "/run/libvirt");
        JsonNode agent = pod.path("containers").get(0);
        Map<String, String> env = Rendered.env(agent);
        assertThat(env).containsEntry("GCM_HOOK_SOCKET", "/run/gcm/hook.sock").containsEntry("GCM_PROBE", "auto")
                .containsEntry("GCM_BACKOFF_MAX", "5m").containsEntry("GCM_HOOK_TIMEOUT", "2.5");
        Map<String, String> mounts = new HashMap<>();
        agent.path("volumeMounts").forEach(m -> mounts.put(m.path("name").asText(), m.path("mountPath").asText()));
        assertThat(mounts).containsEntry("hook-socket", "/run/gcm").containsEntry("libvirt-run", "/run/libvirt")
                .doesNotContainKey("libvirt-hooks");

        JsonNode without = Rendered.podSpec(render(Map.of("agent.libvirt.hook.enabled", false)).get("DaemonSet", AGENT));
        assertThat(without.has("initContainers")).isFalse();
        assertThat(Rendered.env(without.path("containers").get(0))).containsEntry("GCM_HOOK_SOCKET", "off");
        assertThat(without.toString()).doesNotContain("libvirt-hooks").doesNotContain("hook-socket").contains("libvirt-run");
        JsonNode noLibvirt = Rendered.podSpec(render(Map.of("agent.libvirt.enabled", false, "agent.probe", "qemu"))
                .get("DaemonSet", AGENT));
        assertThat(noLibvirt.toString()).doesNotContain("libvirt");
    }

    @Test
    void onlyPlannerPodsReachTheHazelcastPort() throws Exception {
        Rendered r = render(Map.of());
        JsonNode policy = r.get("NetworkPolicy", PLANNER);
        JsonNode plannerLabels = r.get("StatefulSet", PLANNER).path("spec").path("selector").path("matchLabels");
        assertThat(policy.path("spec").path("podSelector").path("matchLabels")).isEqualTo(plannerLabels);
        assertThat(policy.path("spec").path("policyTypes").toString()).contains("Ingress");
        int hazelcast = 0;
        for (JsonNode rule : policy.path("spec").path("ingress")) {
            boolean hz = rule.path("ports").findValuesAsText("port").contains("5701");
            if (hz) {
                hazelcast++;
                assertThat(rule.path("from")).hasSize(1);
                assertThat(rule.path("from").get(0).path("podSelector").path("matchLabels")).isEqualTo(plannerLabels);
                assertThat(rule.path("ports")).hasSize(1);
            }
        }
        assertThat(hazelcast).isEqualTo(1);
    }

    @Test
    void theEnvironmentMatchesWhatThePlannerAndTheAgentRead() throws Exception {
        for (Map<String, Object> values : variants()) {
            Rendered r = renderWithHooks(values);
            JsonNode planner = Rendered.podSpec(r.get("StatefulSet", PLANNER)).path("containers").get(0);
            Map<String, String> plannerEnv = Rendered.env(planner);
            Set<String> jvm = Set.of("JAVA_TOOL_OPTIONS");
            assertThat(plannerEnv.keySet()).as("planner env in %s", values)
                    .allSatisfy(k -> assertThat(PlannerConfig.VARIABLES.contains(k) || jvm.contains(k)).as(k).isTrue());
            assertThat(plannerEnv).containsKeys("GCM_TOKENS_FILE", "GCM_K8S_SERVICE_DNS", "GCM_EXPECTED_MEMBERS",
                    "GCM_HZ_HOST", "GCM_CLUSTER_SECRET_FILE", "GCM_STATE_DIR");
            assertThat(plannerEnv).doesNotContainKey("GCM_INSECURE");
            Map<String, String> forPlanner = new HashMap<>(plannerEnv);
            forPlanner.remove("JAVA_TOOL_OPTIONS");
            PlannerConfig config = PlannerConfig.buildFromMap(forPlanner);
            assertThat(config.expectedMembers()).isEqualTo(r.get("StatefulSet", PLANNER).path("spec").path("replicas").asInt());
            assertThat(config.httpPort()).isEqualTo(planner.path("ports").get(0).path("containerPort").asInt());

            JsonNode agent = Rendered.podSpec(r.get("DaemonSet", AGENT)).path("containers").get(0);
            Map<String, String> agentEnv = Rendered.env(agent);
            assertThat(agentEnv.keySet()).as("agent env in %s", values)
                    .allSatisfy(k -> assertThat(AgentConfig.VARIABLES).as(k).contains(k));
            assertThat(agentEnv).containsKeys(AgentConfig.REQUIRED.toArray(String[]::new)).containsKey("GCM_TOKEN_FILE");
            Map<String, String> forAgent = new HashMap<>(agentEnv);
            forAgent.remove("GCM_TOKEN_FILE");
            forAgent.remove("GCM_CACERT");
            forAgent.put("NODE_NAME", "node-a");
            AgentConfig agentConfig = AgentConfig.buildFromMap(forAgent);
            assertThat(agentConfig.port()).isEqualTo(agent.path("ports").get(0).path("containerPort").asInt());
            assertThat(agentConfig.plannerUrls().get(0).getPort()).isEqualTo(config.httpPort());

            JsonNode test = Rendered.podSpec(r.get("Pod", "gcm-test-readyz")).path("containers").get(0);
            assertThat(Rendered.env(test).keySet()).allSatisfy(k -> assertThat(ReadyCheck.VARIABLES).contains(k));
            assertThat(test.path("command").toString()).contains(ReadyCheck.class.getName());
        }
    }

    private static List<Map<String, Object>> variants() {
        return List.of(Map.of(), Map.of("tls.enabled", true, "tls.secretName", "gcm-tls"),
                Map.of("planner.replicas", 5, "planner.httpPort", 8443),
                Map.of("agent.token.source", "secret", "tokens.agents.node-a", AGENT_TOKEN));
    }

    @Test
    void tlsServesHttpsAndAgentsTrustItsCa() throws Exception {
        Rendered r = render(Map.of("tls.enabled", true, "tls.secretName", "gcm-tls"));
        JsonNode planner = Rendered.podSpec(r.get("StatefulSet", PLANNER)).path("containers").get(0);
        assertThat(Rendered.env(planner)).containsEntry("GCM_TLS_CERT", "/etc/gcm/tls/tls.crt")
                .containsEntry("GCM_TLS_KEY", "/etc/gcm/tls/tls.key");
        assertThat(planner.path("readinessProbe").path("httpGet").path("scheme").asText()).isEqualTo("HTTPS");
        assertThat(Rendered.podSpec(r.get("StatefulSet", PLANNER)).findValuesAsText("secretName")).contains("gcm-tls");
        JsonNode agent = Rendered.podSpec(r.get("DaemonSet", AGENT)).path("containers").get(0);
        assertThat(Rendered.env(agent)).containsEntry("GCM_CACERT", "/etc/gcm/tls/ca.crt")
                .containsEntry("GCM_PLANNER_URLS", "https://" + PLANNER + ".gcm-system.svc:8080");
        assertThat(r.get("Service", PLANNER).path("spec").path("ports").get(0).path("name").asText()).isEqualTo("https");
    }

    @Test
    void serviceMonitorAndReplicasFollowTheValues() throws Exception {
        assertThat(render(Map.of()).ofKind("ServiceMonitor")).isEmpty();
        Rendered r = render(Map.of("metrics.serviceMonitor.enabled", true, "planner.replicas", 5));
        JsonNode monitor = r.get("ServiceMonitor", PLANNER);
        assertThat(monitor.path("spec").path("endpoints").get(0).path("path").asText()).isEqualTo("/metrics");
        assertThat(monitor.path("spec").path("selector").path("matchLabels"))
                .isEqualTo(r.get("Service", PLANNER).path("spec").path("selector"));
        assertThat(r.get("StatefulSet", PLANNER).path("spec").path("replicas").asInt()).isEqualTo(5);
        assertThat(Rendered.env(Rendered.podSpec(r.get("StatefulSet", PLANNER)).path("containers").get(0)))
                .containsEntry("GCM_EXPECTED_MEMBERS", "5");
        JsonNode annotations = r.get("StatefulSet", PLANNER).path("spec").path("template").path("metadata").path("annotations");
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(render(Map.of("agent.enabled", false)).ofKind("DaemonSet")).isEmpty();
    }

    @Test
    void theGeneratedTokensAreReadByThePlanner(@TempDir Path dir) throws Exception {
        Rendered r = render(Map.of("agent.token.source", "secret", "tokens.agents.node-a", AGENT_TOKEN));
        JsonNode secret = r.get("Secret", "gcm-tokens");
        Path file = dir.resolve("tokens.json");
        Files.write(file, Base64.getDecoder().decode(secret.path("data").path("tokens.json").asText()));
        TokenStore store = TokenStore.load(file);
        assertThat(store.size()).isEqualTo(4);
        String admin = new String(Base64.getDecoder().decode(secret.path("data").path("admin-token").asText()));
        assertThat(admin).hasSizeGreaterThanOrEqualTo(16);
        assertThat(store.authenticate(admin).orElseThrow().isAdmin()).isTrue();
        assertThat(store.authenticate(AGENT_TOKEN).orElseThrow().mayWriteHost("node-a")).isTrue();
        assertThat(store.authenticate(AGENT_TOKEN).orElseThrow().mayWriteHost("node-b")).isFalse();
        JsonNode agentTokens = r.get("Secret", AGENT + "-tokens");
        assertThat(new String(Base64.getDecoder().decode(agentTokens.path("data").path("node-a").asText())))
                .isEqualTo(AGENT_TOKEN);
        JsonNode agent = Rendered.podSpec(r.get("DaemonSet", AGENT)).path("containers").get(0);
        assertThat(Rendered.env(agent).get("GCM_TOKEN_FILE")).isEqualTo("/var/run/gcm/agent-tokens/$(NODE_NAME)");
        assertThat(render(Map.of("tokens.existingSecret", "mine")).find("Secret", "gcm-tokens")).isEmpty();
    }

    @Test
    void membersBindToThePodAddressProveASecretAndKeepTheirState() throws Exception {
        Rendered r = render(Map.of());
        JsonNode sts = r.get("StatefulSet", PLANNER);
        JsonNode planner = Rendered.podSpec(sts).path("containers").get(0);
        Map<String, String> env = Rendered.env(planner);
        assertThat(env).containsEntry("GCM_HZ_HOST", "status.podIP").containsEntry("GCM_STATE_DIR", "/var/lib/gcm")
                .containsEntry("GCM_TOMBSTONE_TTL", "7d");
        String secretFile = env.get("GCM_CLUSTER_SECRET_FILE");
        JsonNode secret = r.get("Secret", "gcm-cluster");
        assertThat(Base64.getDecoder().decode(secret.path("data").path("cluster-secret").asText())).hasSizeGreaterThanOrEqualTo(16);
        assertThat(mountOf(planner, secretFile.substring(0, secretFile.lastIndexOf('/'))).path("readOnly").asBoolean()).isTrue();
        assertThat(Rendered.podSpec(sts).findValuesAsText("secretName")).contains("gcm-cluster");
        assertThat(mountOf(planner, "/var/lib/gcm").path("name").asText()).isEqualTo("state");
        JsonNode claim = sts.path("spec").path("volumeClaimTemplates").get(0);
        assertThat(claim.path("metadata").path("name").asText()).isEqualTo("state");
        assertThat(claim.path("spec").path("resources").path("requests").path("storage").asText()).isEqualTo("1Gi");

        Rendered ephemeral = render(Map.of("planner.state.persistence", "emptyDir", "planner.clusterSecret.existingSecret",
                "ours"));
        JsonNode sts2 = ephemeral.get("StatefulSet", PLANNER);
        assertThat(sts2.path("spec").has("volumeClaimTemplates")).isFalse();
        assertThat(Rendered.podSpec(sts2).path("volumes").findParents("emptyDir").stream()
                .map(v -> v.path("name").asText())).contains("state");
        assertThat(ephemeral.find("Secret", "gcm-cluster")).isEmpty();
        assertThat(Rendered.podSpec(sts2).findValuesAsText("secretName")).contains("ours");
    }

    /** The volume mount of a container at a path. */
    private static JsonNode mountOf(JsonNode container, String path) {
        for (JsonNode m : container.path("volumeMounts")) {
            if (m.path("mountPath").asText().equals(path)) {
                return m;
            }
        }
        throw new AssertionError("no mount at " + path + " in " + container.path("volumeMounts"));
    }

    /** Field name, values, field name, values, ...: more pairs than {@code Map.of} takes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> cases(Object... fieldThenValues) {
        Map<String, Map<String, Object>> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fieldThenValues.length; i += 2) {
            out.put((String) fieldThenValues[i], (Map<String, Object>) fieldThenValues[i + 1]);
        }
        return out;
    }

    @Test
    void theSchemaRejectsWrongValues() {
        Map<String, Map<String, Object>> wrong = cases("replicas", Map.of("planner.replicas", 0),
                "httpPort", Map.of("planner.httpPort", 70000), "probe", Map.of("agent.probe", "guess"),
                "secretName", Map.of("tls.enabled", true), "staleAfter", Map.of("planner.staleAfter", "soon"),
                "admin", Map.of("tokens.admin", "short"), "colour", Map.of("planner.colour", "red"),
                "onError", Map.of("agent.libvirt.hook.onError", "maybe"),
                "timeout", Map.of("agent.libvirt.hook.timeout", "forever"),
                "backoffMax", Map.of("agent.backoffMax", "500ms"),
                "persistence", Map.of("planner.state.persistence", "tape"),
                "tombstoneTtl", Map.of("planner.tombstoneTtl", "forever"));
        wrong.forEach((field, values) -> assertThatThrownBy(() -> render(values)).as("%s", values)
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(field));
    }

    @Test
    void theImagesAreTheOnesTheDockerfilesBuild() throws Exception {
        Rendered r = renderWithHooks(Map.of());
        String version = version();
        assertThat(Files.readString(CHART.resolve("Chart.yaml"))).contains("appVersion: \"" + version + "\"");
        assertImage(Rendered.podSpec(r.get("StatefulSet", PLANNER)), ROOT.resolve("planner/Dockerfile"), version);
        assertImage(Rendered.podSpec(r.get("DaemonSet", AGENT)), ROOT.resolve("agent/Dockerfile"), version);
        assertThat(Files.readString(ROOT.resolve("planner/Dockerfile"))).contains("/opt/gcm/gcm-planner.jar");
        assertThat(Rendered.podSpec(r.get("Pod", "gcm-test-readyz")).toString()).contains("/opt/gcm/gcm-planner.jar");
        assertThat(r.get("Pod", "gcm-test-readyz").path("metadata").path("annotations").path("was.helm.sh/hook").asText())
                .isEqualTo("test");
        assertThat(render(Map.of()).find("Pod", "gcm-test-readyz")).as("a hook, not part of the release").isEmpty();
    }

    private static void assertImage(JsonNode podSpec, Path dockerfile, String version) throws Exception {
        Matcher m = Pattern.compile("dev\\.gcm\\.image=\"([^\"]+)\"").matcher(Files.readString(dockerfile));
        assertThat(m.find()).as(dockerfile.toString()).isTrue();
        assertThat(podSpec.path("containers").get(0).path("image").asText()).isEqualTo(m.group(1) + ":" + version);
    }

    /** The project's version, from the root pom. */
    private static String version() throws Exception {
        Matcher m = Pattern.compile("<artifactId>gcm-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1).replace("-SNAPSHOT", "");
    }
}
