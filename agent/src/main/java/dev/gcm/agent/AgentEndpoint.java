package dev.gcm.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gcm.hypervisor.record.HostRecordJson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** The agent's own endpoint: /livez, /readyz, /metrics (Prometheus, gcm_agent_), /record. */
final class AgentEndpoint implements AutoCloseable {

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    private final HttpServer server;

    AgentEndpoint(int port, Agent agent, PrometheusMeterRegistry metrics) throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "gcm-agent-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/livez", ex -> send(ex, 200, "application/json", "{\"status\":\"ok\"}"));
        server.createContext("/readyz", ex -> {
            boolean ready = agent.ready();
            var body = MAPPER.createObjectNode().put("status", ready ? "ready" : "not ready").put("bootId", agent.bootId());
            if (!agent.problem().isEmpty()) {
                body.put("problem", agent.problem());
            }
            send(ex, ready ? 200 : 503, "application/json", body.toString());
        });
        server.createContext("/metrics", ex -> send(ex, 200, "text/plain; version=0.0.4", metrics.scrape()));
        server.createContext("/record", ex -> agent.lastPublished().ifPresentOrElse(
                r -> send(ex, 200, "application/json", HostRecordJson.write(r)),
                () -> send(ex, 404, "application/json", "{\"code\":\"NOT_FOUND\",\"message\":\"nothing published yet\"}")));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void send(HttpExchange ex, int status, String type, String body) {
        try (ex) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("content-type", type);
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    @Override
    public void close() {
        server.stop(1);
    }
}
