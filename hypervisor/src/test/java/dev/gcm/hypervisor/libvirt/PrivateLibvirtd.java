package dev.gcm.hypervisor.libvirt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A libvirtd of the test's own, beside any system daemon and untouched by it: it runs in a private mount
 * namespace where {@code /etc/libvirt}, {@code /run/libvirt}, {@code /var/lib/libvirt},
 * {@code /var/cache/libvirt}, {@code /var/log}, {@code /etc/passwd} and {@code /etc/group} are bind mounts of
 * directories and files under {@code dir}; its sockets are in {@code dir/sock}; it has its own
 * {@code host_uuid} (two daemons on one machine can migrate between each other) and migration ports.
 * Its {@code PATH} holds only the s390x emulator, so capability probing costs one QEMU, not every
 * {@code qemu-system-*} installed. The QEMU driver needs the user {@code libvirt-qemu} to exist (Debian's
 * libvirt-daemon-system creates it; the packages the tests need do not), so the private {@code /etc/passwd}
 * adds it when the machine has none. Needs root, {@code unshare} and libvirt's packages; missing mount
 * points ({@code /run/libvirt} and the like, which only the daemon packages create) are created empty.
 * {@link #close()} destroys the domains it runs and ends the daemon and any QEMU left, each by its own pid.
 */
public final class PrivateLibvirtd implements AutoCloseable {

    private static final List<String> MOUNT_POINTS = List.of("/etc/libvirt", "/run/libvirt", "/var/lib/libvirt",
            "/var/cache/libvirt", "/var/log");

    private final Path dir;
    private final Process process;

    private PrivateLibvirtd(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /** What {@link #configure} lays out: the daemon is started by {@link #start()}, after hooks are in place. */
    public static final class Layout {
        private final Path dir;

        private Layout(Path dir) {
            this.dir = dir;
        }

        /** {@code /etc/libvirt/hooks/qemu.d} as the daemon sees it: hooks must be there before it starts. */
        public Path hooksDir() {
            return dir.resolve("etc/hooks/qemu.d");
        }

        public PrivateLibvirtd start() throws IOException, InterruptedException {
            return PrivateLibvirtd.start(dir);
        }
    }

    /**
     * Lays out a daemon's private directories and configuration.
     *
     * @param migrationPortMin the first of 16 ports the daemon takes incoming migrations on
     * @param emulator         the s390x emulator (a QEMU binary, or a wrapper that runs one)
     */
    public static Layout configure(Path dir, int migrationPortMin, Path emulator) throws IOException {
        for (String sub : List.of("etc/hooks/qemu.d", "run", "lib", "cache", "varlog/libvirt", "sock", "emu-path")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.writeString(dir.resolve("etc/libvirtd.conf"), String.join("\n",
                "unix_sock_dir = \"" + dir.resolve("sock") + "\"", "unix_sock_rw_perms = \"0700\"",
                "auth_unix_rw = \"none\"", "host_uuid = \"" + UUID.randomUUID() + "\"",
                "log_outputs = \"3:file:" + dir.resolve("libvirtd.log") + "\"", ""));
        Files.writeString(dir.resolve("etc/qemu.conf"), String.join("\n", "user = \"root\"", "group = \"root\"",
                "dynamic_ownership = 0", "remember_owner = 0", "security_driver = \"none\"", "stdio_handler = \"file\"",
                "cgroup_controllers = [ ]", "namespaces = [ ]", "migration_port_min = " + migrationPortMin,
                "migration_port_max = " + (migrationPortMin + 15), ""));
        Files.deleteIfExists(dir.resolve("emu-path/qemu-system-s390x"));
        Files.createSymbolicLink(dir.resolve("emu-path/qemu-system-s390x"), emulator);
        withUser(Path.of("/etc/passwd"), dir.resolve("passwd"), "libvirt-qemu:x:64055:64055:libvirt:/nonexistent:/usr/sbin/nologin");
        withUser(Path.of("/etc/group"), dir.resolve("group"), "libvirt-qemu:x:64055:");
        return new Layout(dir);
    }

    private static void withUser(Path system, Path copy, String line) throws IOException {
        String text = Files.readString(system);
        if (!text.lines().anyMatch(l -> l.startsWith("libvirt-qemu:"))) {
            text = (text.endsWith("\n") || text.isEmpty() ? text : text + "\n") + line + "\n";
        }
        Files.writeString(copy, text);
    }

    private static PrivateLibvirtd start(Path dir) throws IOException, InterruptedException {
        for (String m : MOUNT_POINTS) {
            Files.createDirectories(Path.of(m));
        }
        String binds = String.join(" && ", "mount --bind " + dir.resolve("etc") + " /etc/libvirt",
                "mount --bind " + dir.resolve("run") + " /run/libvirt", "mount --bind " + dir.resolve("lib") + " /var/lib/libvirt",
                "mount --bind " + dir.resolve("cache") + " /var/cache/libvirt", "mount --bind " + dir.resolve("varlog") + " /var/log",
                "mount --bind " + dir.resolve("passwd") + " /etc/passwd", "mount --bind " + dir.resolve("group") + " /etc/group",
                "exec env PATH=" + dir.resolve("emu-path") + ":/usr/sbin:/sbin /usr/sbin/libvirtd -f /etc/libvirt/libvirtd.conf -p "
                        + dir.resolve("libvirtd.pid"));
        Process p = new ProcessBuilder("setsid", "unshare", "--mount", "--propagation", "private", "--", "/bin/sh", "-c", binds)
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        PrivateLibvirtd d = new PrivateLibvirtd(dir, p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (d.virsh("list", "--all").exit() != 0) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                String why = Files.readString(dir.resolve("stdout.log")) + tail(dir.resolve("libvirtd.log"));
                d.close();
                throw new IOException("private libvirtd in " + dir + " did not answer: " + why);
            }
            Thread.sleep(100);
        }
        return d;
    }

    /** The URI of this daemon's read-write socket. */
    public String uri() {
        return "qemu+unix:///system?socket=" + dir.resolve("sock/libvirt-sock");
    }

    public Path dir() {
        return dir;
    }

    /** What a virsh call printed and how it ended. */
    public record Result(int exit, String out, String err) {
    }

    /** {@code virsh -c URI args}, within two minutes. */
    public Result virsh(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("virsh", "-q", "-c", uri()));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    public static Result run(List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile("gcm-virsh", ".out");
        Path err = Files.createTempFile("gcm-virsh", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new Result(-1, Files.readString(out), "timed out: " + String.join(" ", cmd));
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** Destroys this daemon's domains, ends it, and ends any QEMU it left, each by its own pid. */
    @Override
    public void close() {
        try {
            if (pid().isPresent()) {
                Result names = virsh("list", "--name");
                for (String name : names.out().lines().filter(l -> !l.isBlank()).toList()) {
                    virsh("destroy", name.strip());
                }
            }
        } catch (IOException | InterruptedException ignored) {
            // ending the daemon anyway
        }
        pid().ifPresent(pid -> ProcessHandle.of(pid).ifPresent(PrivateLibvirtd::end));
        if (process.isAlive()) {
            end(process.toHandle());
        }
        try (Stream<Path> pids = Files.exists(dir.resolve("run/qemu")) ? Files.list(dir.resolve("run/qemu")) : Stream.empty()) {
            pids.filter(f -> f.toString().endsWith(".pid")).forEach(f -> readPid(f)
                    .flatMap(ProcessHandle::of).ifPresent(PrivateLibvirtd::end));
        } catch (IOException ignored) {
            // nothing left to end
        }
    }

    private java.util.Optional<Long> pid() {
        return readPid(dir.resolve("libvirtd.pid"));
    }

    private static java.util.Optional<Long> readPid(Path file) {
        try {
            return java.util.Optional.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static void end(ProcessHandle h) {
        h.destroy();
        try {
            h.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            h.destroyForcibly();
        }
    }

    /** For a test's log: the daemon's last lines. */
    public String logTail() {
        return tail(dir.resolve("libvirtd.log"));
    }
}
