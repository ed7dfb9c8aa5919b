package dev.gcm.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code gcm demo}: the demo is its own jar ({@code gcm-demo.jar}, with the planner), so that gcm.jar
 * carries no grid or HTTP server code. The {@code gcm} launcher starts that jar directly; this command is
 * what {@code java -jar gcm.jar demo} does: find the jar beside this one (or in the source tree) and run it.
 */
@Command(name = "demo", header = "Run a planner with a simulated, heartbeating fleet until Ctrl-C (gcm-demo.jar).",
        description = {"Starts gcm-demo.jar: a planner member on 127.0.0.1 with a simulated fleet, its GCM, "
                + "two migration decisions, the API and the dashboard, until Ctrl-C. Its options: gcm demo --help."},
        footer = {"", "Examples:", "  gcm demo", "  gcm demo --hosts 200 --port 8081", "  gcm demo "
                + "--stale-after 20s --stale lpar-02"})
public final class DemoLauncherCommand implements Callable<Integer> {

    static final String JAR = "gcm-demo.jar";

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path jar = locate().orElseThrow(() -> new IllegalArgumentException(JAR + " was not found beside gcm.jar"
                + " or in demo/target; build it (mvn -B -ntp -q package -DskipTests) or run java -jar "
                + "demo/target/" + JAR));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(args);
        Process demo = new ProcessBuilder(command).inheritIO().start();
        Thread stop = new Thread(demo::destroy, "gcm-demo-forward-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int code = demo.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook already stops the demo
        }
        return code;
    }

    /** {@code $GCM_DEMO_JAR}, beside gcm.jar, in ../lib/gcm, or in the source tree (cli/target → demo/target). */
    static Optional<Path> locate() {
        List<Path> candidates = new ArrayList<>();
        String explicit = System.getenv("GCM_DEMO_JAR");
        if (explicit != null && !explicit.isBlank()) {
            candidates.add(Path.of(explicit));
        }
        try {
            Path here = Path.of(DemoLauncherCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = here.getParent(); // the jar's directory, or target/ above target/classes
            candidates.add(dir.resolve(JAR));
            candidates.add(dir.resolve("../lib/gcm").resolve(JAR).normalize());
            candidates.add(dir.resolve("../../demo/target").resolve(JAR).normalize());
        } catch (URISyntaxException | RuntimeException e) {
            // no code source to look beside
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }
}
