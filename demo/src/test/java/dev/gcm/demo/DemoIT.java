package dev.gcm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code gcm demo} from the packaged gcm-demo.jar: starts, serves what it printed, stops cleanly on SIGTERM. */
class DemoIT {

    @Test
    void startsServesAndStops() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "gcm-demo.jar").toString(), "--hosts", "9", "--seed", "4", "--port",
                String.valueOf(port), "--progress").redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("Press Ctrl-C")) {
                    break;
                }
            }
            String text = String.join("\n", lines);
            assertThat(text).contains("9 simulated hosts").contains("Pool 'default' GCM:").contains("APPROVED")
                    .contains("REJECTED").contains("API:       http://127.0.0.1:" + port + "/api/v1").contains("Limited by:")
                    .contains("Dashboard: http://127.0.0.1:" + port + "/")
                    .doesNotContain("Exception").doesNotContain("WARNING");
            // --progress: how far loading has got, in lines (stderr is no terminal here)
            assertThat(text).contains("Probing simulated hosts: 100% (9 of 9)")
                    .contains("Loading hosts into the planner: 100% (9 of 9)");

            HttpClient http = HttpClient.newHttpClient();
            JsonNode hosts = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/hosts")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(hosts.get("hosts")).hasSize(9);
            JsonNode gcm = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/pools/default/gcm")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(text).contains("GCM:  " + gcm.get("definition").get("name").asText() + " ");
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>GCM Planner</title>");

            p.destroy();  // SIGTERM, as Ctrl-C would end it
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/livez")).build(),
                        HttpResponse.BodyHandlers.ofString());
                throw new AssertionError("the demo still serves after it stopped");
            } catch (ConnectException expected) {
                // stopped
            }
        } finally {
            p.destroyForcibly();
        }
    }
}
