package dev.gcm.agent;

import dev.gcm.hypervisor.probe.ProbeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A cheap summary of what would change a probe's answer: the QEMU binary (size and time), the kernel
 * release, and the guests' monitor sockets. When it changes, the agent probes again at once.
 */
final class HypervisorFingerprint {

    private HypervisorFingerprint() {
    }

    static String of(ProbeSpec spec) {
        StringBuilder sb = new StringBuilder(System.getProperty("os.version", ""));
        if ("qemu".equals(spec.kind())) {
            sb.append('|').append(fileStamp(resolve(spec.qemuBinary())));
        }
        spec.guestSockets().ifPresent(dir -> {
            try (Stream<Path> entries = Files.list(dir)) {
                entries.map(p -> p.getFileName().toString()).sorted().forEach(n -> sb.append('|').append(n));
            } catch (IOException e) {
                sb.append("|no-guest-dir");
            }
        });
        return sb.toString();
    }

    private static Path resolve(String binary) {
        if (binary.contains("/")) {
            return Path.of(binary);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, binary);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return Path.of(binary);
    }

    private static String fileStamp(Path p) {
        try {
            return p + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return p + ":missing";
        }
    }
}
