package dev.gcm.test.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A libvirtd of its own for one test run, beside (never instead of) any system daemon: it runs as root in its
 * own mount namespace where {@code /etc/libvirt}, {@code /run/libvirt}, {@code /var/lib/libvirt},
 * {@code /var/cache/libvirt} and {@code /var/log} are private directories under one unique temp directory, its
 * socket is in that directory ({@link #uri()}), and its PATH holds only the chosen s390x emulator (so a
 * capabilities probe asks one QEMU, not every qemu-system-* installed). QEMU runs as root without a security
 * driver. Where the system lacks the {@code libvirt-qemu} user that libvirt 9.0 looks up at start (Debian's
 * libvirt-daemon-system creates it), the namespace sees a copy of {@code /etc/passwd} and {@code /etc/group}
 * that has it. {@link #close()} stops the daemon and the QEMUs it started, by their pid files, and removes the
 * directory.
 *
 * <pre>{@code
 * try (PrivateLibvirtd libvirt = PrivateLibvirtd.builder().hostUuid(uuid).hook("qemu", script).start()) {
 *     libvirt.virsh("define", xml.toString()).orThrow();
 * }
 * }</pre>
 */
public final class PrivateLibvirtd implements AutoCloseable {

    private static final String LIBVIRTD = "/usr/sbin/libvirtd";
    private static final String VIRSH = "/usr/bin/virsh";
    private static final String UNSHARE = "/usr/bin/unshare";

    /** What one virsh call answered. */
    public record Result(int exitCode, String out, String err) {
        /** This result, or an exception with virsh's error when it failed. */
        public Result orThrow() throws IOException {
            if (exitCode != 0) {
                throw new IOException("virsh failed (" + exitCode + "): " + err.strip());
            }
            return this;
        }
    }

    private final Path dir;
    private final Path emulatorLink;
    private final long pid;

    private PrivateLibvirtd(Path dir, Path emulatorLink, long pid) {
        this.dir = dir;
        this.emulatorLink = emulatorLink;
        this.pid = pid;
    }

    /** Whether this machine can run one: root, libvirtd, virsh and unshare installed. */
    public static Optional<String> unavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("a private libvirtd needs root (mount namespaces)");
        }
        for (String tool : List.of(LIBVIRTD, VIRSH, UNSHARE)) {
            if (!Files.isExecutable(Path.of(tool))) {
                return Optional.of(tool + " is not installed (libvirt-daemon, libvirt-clients, util-linux)");
            }
        }
        return Optional.empty();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How to reach it: {@code qemu+unix:///system?socket=...}. */
    public String uri() {
        return "qemu+unix:///system?socket=" + dir.resolve("sock/libvirt-sock");
    }

    /** Its directory (configuration, logs, state); unique to this daemon. */
    public Path directory() {
        return dir;
    }

    /** The emulator's path as the daemon sees it (for a domain's {@code <emulator>}). */
    public Path emulator() {
        return emulatorLink;
    }

    public long pid() {
        return pid;
    }

    /** Runs virsh against this daemon. */
    public Result virsh(String... args) throws IOException {
        return virsh(Duration.ofSeconds(120), args);
    }

    public Result virsh(Duration timeout, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(VIRSH, "-q", "-c", uri()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "virsh-", ".out");
        Path err = Files.createTempFile(dir, "virsh-", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("virsh " + String.join(" ", args) + " took longer than " + timeout);
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while virsh ran", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The daemon's own log (log level 3: warnings and errors), for failure messages. */
    public String log() {
        try {
            return Files.readString(dir.resolve("libvirtd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the daemon and any QEMU it left running (by their pid files), then removes the directory. */
    @Override
    public void close() {
        ProcessHandle.of(pid).ifPresent(PrivateLibvirtd::stop);
        try (Stream<Path> pidFiles = Files.exists(dir.resolve("run/qemu")) ? Files.list(dir.resolve("run/qemu")) : Stream.empty()) {
            pidFiles.filter(f -> f.toString().endsWith(".pid")).forEach(f -> readPid(f).flatMap(ProcessHandle::of)
                    .ifPresent(PrivateLibvirtd::stop));
        } catch (IOException ignored) {
            // nothing left to stop
        }
        deleteTree(dir);
    }

    private static void stop(ProcessHandle p) {
        p.destroy();
        try {
            p.onExit().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
        }
    }

    static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    /** The settings of a private daemon; {@link #start()} starts it. */
    public static final class Builder {

        private Path emulator = Path.of("/usr/bin/qemu-system-s390x");
        private String hostUuid = UUID.randomUUID().toString();
        private final Map<String, String> hooks = new LinkedHashMap<>();
        private final Map<Path, Path> binds = new LinkedHashMap<>();
        private int migrationPortMin;
        private int migrationPortMax;
        private Duration startTimeout = Duration.ofSeconds(120);

        private Builder() {
        }

        /** The s390x emulator (default {@code /usr/bin/qemu-system-s390x}, QEMU 7.2). */
        public Builder emulator(Path binary) {
            this.emulator = binary;
            return this;
        }

        /**
         * QEMU unpacked under a folder of its own (e.g. {@code /opt/gcm-qemu10}): its binary as the emulator, and in
         * the daemon's namespace its data folder over {@code /usr/share/qemu} and an empty folder over the system
         * QEMU's module folder (whose modules, of another build, would make it abort).
         */
        public Builder unpackedQemu(Path home) {
            this.emulator = home.resolve("usr/bin/qemu-system-s390x");
            binds.put(home.resolve("usr/share/qemu"), Path.of("/usr/share/qemu"));
            binds.put(Path.of("modules-none"), Path.of("/usr/lib/x86_64-linux-gnu/qemu"));
            return this;
        }

        /** libvirt's host UUID; two daemons that migrate to each other need different ones (default: random). */
        public Builder hostUuid(String uuid) {
            this.hostUuid = uuid;
            return this;
        }

        /** A hook script, e.g. {@code qemu}, installed in {@code /etc/libvirt/hooks} before the daemon starts. */
        public Builder hook(String name, String script) {
            hooks.put(name, script);
            return this;
        }

        /** Another bind mount in the daemon's namespace; a relative source is a folder created in its directory. */
        public Builder bind(Path source, Path target) {
            binds.put(source, target);
            return this;
        }

        /** The ports incoming migrations listen on ({@code migration_port_min}/{@code max}). */
        public Builder migrationPorts(int min, int max) {
            this.migrationPortMin = min;
            this.migrationPortMax = max;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Starts the daemon and waits until it answers. */
        public PrivateLibvirtd start() throws IOException {
            Optional<String> why = unavailable();
            if (why.isPresent()) {
                throw new IOException(why.get());
            }
            Path dir = Files.createTempDirectory("gcm-libvirtd-");
            try {
                return LibvirtdLauncher.launch(dir, this);
            } catch (IOException | RuntimeException e) {
                deleteTree(dir);
                throw e;
            }
        }

        Path emulator() {
            return emulator;
        }

        String hostUuid() {
            return hostUuid;
        }

        Map<String, String> hooks() {
            return hooks;
        }

        Map<Path, Path> binds() {
            return binds;
        }

        int migrationPortMin() {
            return migrationPortMin;
        }

        int migrationPortMax() {
            return migrationPortMax;
        }

        Duration startTimeout() {
            return startTimeout;
        }
    }

    static PrivateLibvirtd of(Path dir, Path emulatorLink, long pid) {
        return new PrivateLibvirtd(dir, emulatorLink, pid);
    }
}
