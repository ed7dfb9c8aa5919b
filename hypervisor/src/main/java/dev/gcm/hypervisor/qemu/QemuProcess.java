package dev.gcm.hypervisor.qemu;

import dev.gcm.hypervisor.qmp.QmpClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A QEMU started the way libvirt probes it: paused ({@code -S}), no default devices, no display, a
 * QMP monitor on a private Unix socket. {@link #close()} ends the process on every path.
 */
public final class QemuProcess implements AutoCloseable {

    private final Process process;
    private final Path directory;
    private final QmpClient qmp;

    private QemuProcess(Process process, Path directory, QmpClient qmp) {
        this.process = process;
        this.directory = directory;
        this.qmp = qmp;
    }

    /**
     * Starts QEMU and connects to its monitor.
     *
     * @param binary    e.g. {@code qemu-system-s390x}
     * @param extraArgs accelerator and CPU arguments, e.g. {@code -machine s390-ccw-virtio -cpu qemu}
     * @param timeout   for the start and for every QMP answer
     */
    public static QemuProcess start(String binary, List<String> extraArgs, Duration timeout) throws IOException {
        Path dir = Files.createTempDirectory("gcm-qemu-");
        Path socket = dir.resolve("qmp.sock");
        List<String> cmd = new ArrayList<>(List.of(binary, "-S", "-nodefaults", "-nographic", "-no-user-config"));
        cmd.addAll(extraArgs);
        cmd.addAll(List.of("-qmp", "unix:" + socket + ",server=on,wait=off"));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("qemu.log").toFile())
                    .start();
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new IOException("cannot run " + binary + ": " + e.getMessage(), e);
        }
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!Files.exists(socket)) {
                if (!p.isAlive()) {
                    throw exited(p, dir);
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("QEMU did not open its monitor within " + timeout.toMillis() + " ms");
                }
                Thread.sleep(10);
            }
            while (true) {
                try {
                    return new QemuProcess(p, dir, QmpClient.connect(socket, timeout));
                } catch (IOException e) {
                    // QEMU creates the socket file before it listens on it (refused on a busy machine), and the
                    // socket may appear before QEMU gives up on its arguments: retry while it lives
                    if (p.waitFor(10, TimeUnit.MILLISECONDS)) {
                        throw exited(p, dir);
                    }
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            kill(p);
            deleteQuietly(dir);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(p);
            deleteQuietly(dir);
            throw new IOException("interrupted while starting QEMU", e);
        }
    }

    private static IOException exited(Process p, Path dir) {
        String log;
        try {
            log = Files.readString(dir.resolve("qemu.log")).strip();
        } catch (IOException e) {
            log = "(no log)";
        }
        return new IOException("QEMU exited with " + p.exitValue() + ": " + log);
    }

    public QmpClient qmp() {
        return qmp;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Asks QEMU to quit, then ends it by force if it lingers, and removes its socket directory. */
    @Override
    public void close() {
        try {
            qmp.execute("quit", null);
        } catch (RuntimeException ignored) {
            // it may already be gone
        }
        qmp.close();
        kill(process);
        deleteQuietly(directory);
    }

    private static void kill(Process p) {
        try {
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
