package dev.gcm.planner.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A packaged jar (planner or agent) in a JVM of its own, started and killed as in production, with HTTP to its port. */
public final class JarProcess implements AutoCloseable {

    private final Process process;
    public final int port;
    public final Http http;

    private JarProcess(Process process, String host, int port) {
        this.process = process;
        this.port = port;
        this.http = new Http(host, port);
    }

    /** Starts {@code java [jvmArgs] -jar jar} with env added to this JVM's environment; output goes to log. */
    public static JarProcess start(Path jar, Path log, int port, Map<String, String> env, String... jvmArgs)
            throws IOException {
        return start(List.of(), jar, log, "127.0.0.1", port, env, jvmArgs);
    }

    /**
     * The same, with a command before {@code java} (such as {@code ip netns exec NAME}, which becomes the
     * JVM), and HTTP to {@code host}.
     */
    public static JarProcess start(List<String> prefix, Path jar, Path log, String host, int port, Map<String, String> env,
                                   String... jvmArgs) throws IOException {
        if (!jar.toFile().exists()) {
            throw new IllegalStateException("package first (mvn package): " + jar.toAbsolutePath());
        }
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new JarProcess(pb.start(), host, port);
    }

    /** SIGSTOP: the JVM stops in its tracks (a long GC pause, a frozen VM), its sockets stay open. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("CONT");
    }

    public boolean alive() {
        return process.isAlive();
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Http.Answer call(String method, String path, String token, String body) {
        return http.call(method, path, token, body);
    }

    public Http.Answer get(String path, String token) {
        return http.get(path, token);
    }

    /** Whether the member answers /readyz with 200. */
    public boolean ready() {
        return get("/readyz", null).status() == 200;
    }

    /** SIGKILL: no goodbye to the cluster. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, then SIGKILL after 15 s. */
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
