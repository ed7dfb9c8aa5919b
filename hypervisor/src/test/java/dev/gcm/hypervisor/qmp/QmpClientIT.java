package dev.gcm.hypervisor.qmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gcm.hypervisor.qemu.QemuProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Our QMP client against the real QEMU. */
class QmpClientIT {

    static final String QEMU = System.getenv().getOrDefault("GCM_QEMU_BINARY", "qemu-system-s390x");
    static final List<String> ARGS = List.of("-machine", "s390-ccw-virtio", "-accel", "tcg", "-cpu", "qemu");

    @Test
    void talksOverAUnixSocketMapsErrorsAndSkipsEvents() throws Exception {
        try (QemuProcess qemu = QemuProcess.start(QEMU, ARGS, Duration.ofSeconds(30))) {
            QmpClient qmp = qemu.qmp();
            assertThat(qmp.greeting().path("QMP").path("version").path("qemu").path("major").asInt()).isPositive();
            QmpException e = catchThrowableOfType(QmpException.class, () -> qmp.execute("no-such-command", null));
            assertThat(e.errorClass()).isEqualTo("CommandNotFound");
            assertThat(e.getMessage()).contains("no-such-command");
            qmp.execute("system_reset", null);   // emits RESET, which must not be taken for an answer
            qmp.execute("system_reset", null);
            assertThat(qmp.execute("query-status", null).path("running").asBoolean()).isFalse();
        }
    }

    @Test
    void talksOverTcp() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(QEMU, "-S", "-nodefaults", "-nographic"));
        cmd.addAll(ARGS);
        cmd.addAll(List.of("-qmp", "tcp:127.0.0.1:" + port + ",server=on,wait=off"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            QmpClient qmp = null;
            for (int i = 0; i < 100 && qmp == null; i++) {
                try {
                    qmp = QmpClient.connect("127.0.0.1", port, Duration.ofSeconds(10));
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            assertThat(qmp).as("QEMU's TCP monitor").isNotNull();
            try (QmpClient c = qmp) {
                assertThat(c.execute("query-version", null).path("qemu").path("major").asInt()).isPositive();
            }
        } finally {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void givesUpOnAPeerThatNeverGreets() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread accept = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    Thread.sleep(3000);
                } catch (IOException | InterruptedException ignored) {
                    // the test is over
                }
            });
            accept.start();
            long start = System.nanoTime();
            IOException e = catchThrowableOfType(IOException.class,
                    () -> QmpClient.connect("127.0.0.1", silent.getLocalPort(), Duration.ofMillis(300)));
            assertThat(e).hasMessageContaining("no answer from QEMU within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            accept.interrupt();
        }
    }

    @Test
    void reportsAQemuThatCannotStart() {
        IOException e = catchThrowableOfType(IOException.class, () -> QemuProcess.start(QEMU,
                List.of("-machine", "s390-ccw-virtio", "-cpu", "no-such-cpu"), Duration.ofSeconds(30)));
        assertThat(e).hasMessageContaining("QEMU exited");
    }
}
