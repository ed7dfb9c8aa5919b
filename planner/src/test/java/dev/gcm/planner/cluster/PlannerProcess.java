package dev.gcm.planner.cluster;

import dev.gcm.planner.support.Http;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A planner member in a JVM of its own: the packaged jar, started and killed like in production. */
final class PlannerProcess implements AutoCloseable {

    private final Process process;
    final int httpPort;
    final int hzPort;
    final Http http;

    private PlannerProcess(Process process, int httpPort, int hzPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.hzPort = hzPort;
        this.http = new Http(httpPort);
    }

    static PlannerProcess start(Path log, int httpPort, int hzPort, Map<String, String> env) throws IOException {
        Path jar = Path.of("target", "gcm-planner.jar");
        if (!jar.toFile().exists()) {
            throw new IllegalStateException("build the planner jar first (mvn package): " + jar.toAbsolutePath());
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("GCM_HTTP_PORT", String.valueOf(httpPort));
        pb.environment().put("GCM_HTTP_HOST", "127.0.0.1");
        pb.environment().put("GCM_HZ_PORT", String.valueOf(hzPort));
        return new PlannerProcess(pb.start(), httpPort, hzPort);
    }

    boolean ready() {
        try {
            return http.get("/readyz", null).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** SIGKILL: no goodbye to the cluster. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                kill();
                Thread.currentThread().interrupt();
            }
        }
    }
}
