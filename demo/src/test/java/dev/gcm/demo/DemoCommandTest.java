package dev.gcm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The demo's mistakes are said at once, in the words of its options, before any grid starts. */
class DemoCommandTest {

    private record Run(int code, String err) {
    }

    private static Run demo(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return new Run(cli.execute(args), err.toString());
    }

    @Test
    void aPortInUseIsNamedAtOnce() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = demo("--port", String.valueOf(taken.getLocalPort()));
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).isEqualTo("gcm: error: port " + taken.getLocalPort()
                    + " on 127.0.0.1 is in use; choose another with --port\n");
        }
    }

    @Test
    void badOptionsAreSaidInTheirOwnWords() {
        Run port = demo("--port", "99999");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).contains("--port must be between 1 and 65535").doesNotContain("GCM_");
        Run hosts = demo("--hosts", "0");
        assertThat(hosts.err()).contains("--hosts must be between 1 and 10000");
        Run stale = demo("--stale", "lpar-2");
        assertThat(stale.code()).isEqualTo(2);
        assertThat(stale.err()).contains("no host 'lpar-2'").contains("did you mean");
        Run staleAfter = demo("--stale-after", "soon");
        assertThat(staleAfter.err()).contains("--stale-after must be a duration");
    }
}
