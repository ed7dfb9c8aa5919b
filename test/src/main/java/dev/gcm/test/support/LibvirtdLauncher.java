package dev.gcm.test.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes a private libvirtd's configuration and starts it in its own mount namespace. */
final class LibvirtdLauncher {

    /** The folders libvirtd keeps its state in, each replaced by a private one. */
    private static final Map<String, String> PRIVATE = Map.of("etc", "/etc/libvirt", "run", "/run/libvirt",
            "lib", "/var/lib/libvirt", "cache", "/var/cache/libvirt", "varlog", "/var/log");

    private LibvirtdLauncher() {
    }

    static PrivateLibvirtd launch(Path dir, PrivateLibvirtd.Builder b) throws IOException {
        for (String sub : List.of("etc/hooks", "run", "lib", "cache", "varlog/libvirt", "sock", "emu-path")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.writeString(dir.resolve("etc/libvirtd.conf"), String.join("\n",
                "unix_sock_dir = \"" + dir.resolve("sock") + "\"",
                "unix_sock_rw_perms = \"0700\"",
                "auth_unix_rw = \"none\"",
                "host_uuid = \"" + b.hostUuid() + "\"",
                "log_outputs = \"3:file:" + dir.resolve("libvirtd.log") + "\"", ""));
        List<String> qemu = new ArrayList<>(List.of("user = \"root\"", "group = \"root\"", "dynamic_ownership = 0",
                "remember_owner = 0", "security_driver = \"none\"", "stdio_handler = \"file\"", "cgroup_controllers = [ ]",
                "namespaces = [ ]"));
        if (b.migrationPortMin() > 0) {
            qemu.add("migration_port_min = " + b.migrationPortMin());
            qemu.add("migration_port_max = " + b.migrationPortMax());
        }
        Files.writeString(dir.resolve("etc/qemu.conf"), String.join("\n", qemu) + "\n");
        for (var hook : b.hooks().entrySet()) {
            Path script = dir.resolve("etc/hooks").resolve(hook.getKey());
            Files.createDirectories(script.getParent());   // qemu.d/50-gcm: a hook in libvirt's qemu.d
            Files.writeString(script, hook.getValue());
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        // only the chosen emulator on the daemon's PATH: a capabilities probe then asks one QEMU, not all of them
        Path link = dir.resolve("emu-path/qemu-system-s390x");
        Files.createSymbolicLink(link, b.emulator());
        List<String> mounts = new ArrayList<>();
        for (String target : PRIVATE.values()) {
            // the daemon packages alone do not create /run/libvirt and the like (libvirt-daemon-system does):
            // an empty folder to mount over, nothing in it
            Files.createDirectories(Path.of(target));
        }
        PRIVATE.forEach((sub, target) -> mounts.add(bind(dir.resolve(sub), Path.of(target))));
        for (var e : b.binds().entrySet()) {
            Path source = e.getKey().isAbsolute() ? e.getKey() : Files.createDirectories(dir.resolve(e.getKey()));
            if (!Files.exists(source)) {
                throw new IOException("cannot bind " + source + " over " + e.getValue() + ": no such file or folder");
            }
            mounts.add(bind(source, e.getValue()));
        }
        withQemuUser(dir).forEach((copy, target) -> mounts.add(bind(copy, target)));
        String script = String.join(" && ", mounts) + " && exec env PATH=" + dir.resolve("emu-path") + ":/usr/sbin:/sbin"
                + " /usr/sbin/libvirtd -f /etc/libvirt/libvirtd.conf -p " + dir.resolve("libvirtd.pid");
        Process p = new ProcessBuilder("setsid", "/usr/bin/unshare", "--mount", "--propagation", "private", "--",
                "/bin/sh", "-c", script).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        PrivateLibvirtd daemon = PrivateLibvirtd.of(dir, link, p.pid());
        try {
            waitUntilAnswering(daemon, p, b);
        } catch (IOException | RuntimeException e) {
            daemon.close();
            throw e;
        }
        Optional<Long> pid = PrivateLibvirtd.readPid(dir.resolve("libvirtd.pid"));
        return pid.isPresent() ? PrivateLibvirtd.of(dir, link, pid.get()) : daemon;
    }

    private static String bind(Path source, Path target) {
        return "mount --bind '" + source + "' '" + target + "'";
    }

    /**
     * libvirt 9.0 looks up the user {@code libvirt-qemu} when it starts, whatever qemu.conf says; Debian's
     * libvirt-daemon-system creates it. Without it, copies of passwd and group that have it, for the namespace.
     */
    private static Map<Path, Path> withQemuUser(Path dir) throws IOException {
        String passwd = Files.readString(Path.of("/etc/passwd"));
        if (passwd.lines().anyMatch(l -> l.startsWith("libvirt-qemu:"))) {
            return Map.of();
        }
        String group = Files.readString(Path.of("/etc/group"));
        Path p = dir.resolve("passwd");
        Path g = dir.resolve("group");
        Files.writeString(p, passwd + (passwd.endsWith("\n") ? "" : "\n")
                + "libvirt-qemu:x:64055:64055:Libvirt Qemu (private libvirtd):/var/lib/libvirt:/usr/sbin/nologin\n");
        Files.writeString(g, group + (group.endsWith("\n") ? "" : "\n")
                + (group.lines().anyMatch(l -> l.startsWith("libvirt-qemu:")) ? "" : "libvirt-qemu:x:64055:\n"));
        return Map.of(p, Path.of("/etc/passwd"), g, Path.of("/etc/group"));
    }

    /** The socket appears at once; the daemon answers once its drivers are up (a fraction of a second). */
    private static void waitUntilAnswering(PrivateLibvirtd daemon, Process p, PrivateLibvirtd.Builder b)
            throws IOException {
        long deadline = System.nanoTime() + b.startTimeout().toNanos();
        Path socket = daemon.directory().resolve("sock/libvirt-sock");
        while (true) {
            if (!p.isAlive() && PrivateLibvirtd.readPid(daemon.directory().resolve("libvirtd.pid")).isEmpty()) {
                throw new IOException("libvirtd exited: " + Files.readString(daemon.directory().resolve("stdout.log"))
                        + daemon.log());
            }
            if (Files.exists(socket) && daemon.virsh("uri").exitCode() == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("libvirtd did not answer within " + b.startTimeout() + ": " + daemon.log());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while libvirtd started", e);
            }
        }
    }
}
