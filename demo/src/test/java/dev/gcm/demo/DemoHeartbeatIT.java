package dev.gcm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The README's commands hold for as long as the demo runs: started through the gcm launcher (which hands
 * {@code gcm demo} to gcm-demo.jar) with a short GCM_STALE_AFTER, the fleet keeps heartbeating past it,
 * so the README's check is still approved, while the one host asked to go stale does.
 */
class DemoHeartbeatIT {

    private static final Path LAUNCHER = Path.of("..", "cli", "target", "gcm").toAbsolutePath().normalize();

    private record Result(int code, String out, String err) {
    }

    private static ProcessBuilder gcm(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("XDG_CACHE_HOME", Files.createTempDirectory("gcm-cache").toString());
        pb.environment().put("GCM_CONFIG", Path.of("target", "no-config.yaml").toAbsolutePath().toString());
        return pb;
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        Process p = gcm(List.of(args)).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    private static JsonNode hosts(HttpClient http, int port) throws IOException, InterruptedException {
        return new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/hosts")).build(), HttpResponse.BodyHandlers.ofString())
                .body()).path("hosts");
    }

    private static String state(JsonNode hosts, String id) {
        for (JsonNode h : hosts) {
            if (id.equals(h.path("hostId").asText())) {
                return h.path("state").asText();
            }
        }
        return "missing";
    }

    @Test
    void theReadmesCheckStillPassesAfterTheStalePeriodAndOnlyTheHostAskedForGoesStale() throws Exception {
        assertThat(LAUNCHER).exists();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = gcm(List.of("demo", "--port", String.valueOf(port), "--stale", "lpar-05"))
                .redirectErrorStream(true);
        pb.environment().put("GCM_STALE_AFTER", "6s");
        Process demo = pb.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder text = new StringBuilder();
            for (String line = out.readLine(); line != null && !line.startsWith("Press Ctrl-C"); line = out.readLine()) {
                text.append(line).append('\n');
            }
            assertThat(text).contains("a host is stale after 6s without a report (lpar-05 will go stale)");
            String url = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newHttpClient();
            // lpar-05 reported once, as every host did: once it is stale, the stale period has passed for all
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "stale".equals(state(hosts(http, port), "lpar-05")));
            JsonNode now = hosts(http, port);
            for (JsonNode h : now) {
                assertThat(h.path("state").asText()).as(h.path("hostId").asText())
                        .isEqualTo("lpar-05".equals(h.path("hostId").asText()) ? "stale" : "fresh");
            }
            Result check = run("check", "--guest", "lpar-03-vm1", "--target", "zvm-01", "--planner", url);
            assertThat(check.code()).as(check.out() + check.err()).isZero();
            assertThat(check.out()).startsWith("APPROVED  lpar-03-vm1 -> zvm-01");
            Result list = run("--planner", url, "hosts");
            assertThat(list.out().lines()).anySatisfy(l -> assertThat(l).startsWith("lpar-05").contains("stale"));
            assertThat(list.err()).as("one stale host of twelve is no warning").isEmpty();
        } finally {
            demo.destroy();
            assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
            demo.destroyForcibly();
        }
    }

    @Test
    void theLauncherHandsTheDemoItsOptionsAndItsErrors() throws Exception {
        Result bad = run("demo", "--port", "99999");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--port must be between 1 and 65535").doesNotContain("GCM_HTTP_PORT");
        Result help = run("demo", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: gcm demo").contains("--stale-after");
    }
}
