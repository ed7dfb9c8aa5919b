package dev.gcm.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The libvirt migration hook's verdict as libvirt waits for it: from starting the installed hook script
 * ({@code sh 50-gcm GUEST migrate begin -}, the domain XML on stdin) to its exit, through curl, the
 * agent's hook socket, the agent and the planner's gate, all on loopback. The agent runs as in production
 * from its jar (simulated probe, so no libvirtd is needed: the XML names its model, as libvirt's migratable
 * XML of a host-model guest does, and reading it asks nothing of libvirt). Each run is started as libvirt
 * starts a hook (fork and exec, from a bash loop that reads the clock around it). Prints Markdown rows: the
 * verdict; for scale the floor of the same process starts (sh and curl sending the XML to the agent's
 * socket, answered without a verdict); and, from the agent's log, its own part and the planner's answer
 * within it: calls, p50, p99, max in ms, and how many exited 0. Measured warm: before it, 20,000 verdicts are
 * asked of the agent's socket directly, then both scripts run until the JVMs' compilers are done (not reported).
 *
 * <p>Usage: {@code HookLatency PLANNER_URL AGENT_JAR CALLS [TOKENS_FILE]} (without a tokens file: an insecure
 * planner).
 */
public final class HookLatency {

    private static final String XML = """
            <domain type='kvm'>
              <name>bench-guest</name>
              <uuid>5b1e0c3a-0000-4000-8000-00000000b004</uuid>
              <os><type arch='s390x' machine='s390-ccw-virtio-7.2'>hvm</type></os>
              <cpu mode='custom' match='exact' check='partial'>
                <model fallback='forbid'>z14.2-base</model>
                <feature policy='require' name='vx'/>
                <feature policy='require' name='vxeh'/>
                <feature policy='require' name='gs'/>
                <feature policy='disable' name='te'/>
                <feature policy='disable' name='csske'/>
              </cpu>
            </domain>
            """;

    /**
     * Verdicts asked before measuring, so that the agent's and the planner's paths are compiled: at the hook's
     * pace a method called a few times per verdict reaches the JIT's last tier after some 5,000 verdicts, and
     * its compilation (hundreds of ms of a core on this machine) would compete with the measured processes.
     */
    private static final int WARM_UP_VERDICTS = 20_000;
    /** Scripted runs per settling round, and the compilers' share of the round's wall time that ends it. */
    private static final int SETTLE_ROUND = 200;
    private static final double SETTLED_SHARE = 0.01;

    private HookLatency() {
    }

    public static void main(String[] args) throws Exception {
        String planner = args[0];
        Path agentJar = Path.of(args[1]);
        int calls = Integer.parseInt(args[2]);
        // with a tokens file (fourth argument) the agent uses its agent token (host bench-hook)
        Optional<String> token = BenchAuth.token(Optional.ofNullable(args.length > 3 ? Path.of(args[3]) : null), "agent",
                "bench-hook");
        Path dir = Files.createTempDirectory("gcm-hook-bench-");
        Path socket = dir.resolve("agent/hook.sock");
        Path hook = dir.resolve("qemu.d/50-gcm");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run(List.of(javaBin, "-jar", agentJar.toString(), "install-hook", "--path", hook.toString(), "--socket",
                socket.toString()));
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx256m", "-jar", agentJar.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile());
        pb.environment().putAll(java.util.Map.of("GCM_PLANNER_URLS", planner, "GCM_HOST_ID", "bench-hook",
                "GCM_PROBE", "simulated", "GCM_SIM_MODEL", "gen16a", "GCM_HOOK_SOCKET", socket.toString(),
                "GCM_AGENT_PORT", String.valueOf(port), "GCM_HEARTBEAT_INTERVAL", "10s"));
        token.ifPresent(t -> pb.environment().put("GCM_TOKEN", t));
        Process agent = pb.start();
        try {
            waitReady(port);
            List<String> verdict = List.of("/bin/sh", hook.toString(), "bench-guest", "migrate", "begin", "-");
            // the floor: the same sh and curl, sending the same XML to the agent's socket, answered without a
            // verdict (404)
            List<String> floor = List.of("/bin/sh", "-c", "curl -s -o /dev/null --data-binary @- --unix-socket "
                    + socket + " http://gcm-agent/none");
            // warm up: the agent's hook path and the planner's gate, compiled as in a member that has served a
            // while (requests straight to the agent's socket, no process start), then the scripts themselves
            for (int i = 0; i < WARM_UP_VERDICTS; i++) {
                verdictOverSocket(socket);
            }
            settle(verdict, floor, agent.pid());
            row("the hook's verdict (approved)", verdict, calls, dir);
            row("floor: sh and curl to the agent's socket, no verdict", floor, calls, dir);
        } finally {
            agent.destroy();
            agent.waitFor(20, TimeUnit.SECONDS);
        }
        agentSide(dir.resolve("agent.log"), calls);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /**
     * Runs the scripts (unreported) until the agent's and the planner's JIT compilers are done: rounds of
     * {@value #SETTLE_ROUND} verdicts and as many floor runs, until two rounds in a row in which their compiler
     * threads used under 1% of a core (the planner's pid from {@code -Dgcm.bench.memberPids}), at most three
     * minutes. Without it the measured runs share the two cores with C2 compiling the XML reader.
     */
    private static void settle(List<String> verdict, List<String> floor, long agentPid)
            throws IOException, InterruptedException {
        MemberCpu.Warmed w = MemberCpu.fromProperty().and(agentPid).warmUntilCompiled(() -> {
            for (int i = 0; i < SETTLE_ROUND; i++) {
                call(verdict);
                call(floor);
            }
        }, MemberCpu.Share.OF_A_CORE, SETTLED_SHARE, Duration.ofMinutes(3));
        System.err.printf(w.quiet()
                ? "the agent's and the planner's JIT compilers settled after %.0f s of scripted verdicts (%.1f%% of a"
                        + " core in the last round)%n"
                : "the agent's and the planner's JIT compilers were not quiet (under 1%% of a core) two rounds in a row"
                        + " after %.0f s of scripted verdicts (%.1f%% of a core in the last round); measured anyway%n",
                w.seconds(), 100 * w.lastShare());
    }

    /**
     * The agent's own time per verdict (reading the XML, asking the gate, answering), and of it the planner's
     * answer (the request over loopback and the check), from its log.
     */
    private static void agentSide(Path log, int calls) throws IOException {
        java.util.regex.Pattern in = java.util.regex.Pattern.compile(
                "incoming migration: approved in (\\d+) ms \\(the planner's answer took (\\d+) ms\\)");
        List<double[]> all = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            java.util.regex.Matcher m = in.matcher(line);
            if (m.find()) {
                all.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
            }
        }
        List<double[]> last = all.subList(Math.max(0, all.size() - calls), all.size());
        String[] what = {"in the agent (its log, whole ms): XML read, gate asked, answer",
            "of which the planner's answer (request on loopback and the check)"};
        for (int k = 0; k < 2 && !last.isEmpty(); k++) {
            final int col = k;
            double[] ms = last.stream().mapToDouble(d -> d[col]).sorted().toArray();
            System.out.printf("| %s | %,d | %.0f | %.0f | %.0f | %,d |%n", what[k], ms.length, pct(ms, 0.5),
                    pct(ms, 0.99), ms[ms.length - 1], ms.length);
        }
    }

    /**
     * Times {@code calls} runs of the command as libvirt runs a hook (fork and exec from a small process, the
     * domain XML on stdin, stdout and stderr read and dropped): a bash loop that reads the clock
     * ({@code $EPOCHREALTIME}, no process of its own) before and after each run. Timed from a JVM instead,
     * each run would also pay the JVM's own way of starting processes, which libvirt does not. One Markdown row.
     */
    private static void row(String what, List<String> cmd, int calls, Path dir) throws IOException, InterruptedException {
        Path xml = dir.resolve("domain.xml");
        Files.writeString(xml, XML);
        Path timer = dir.resolve("time-calls.sh");
        Files.writeString(timer, """
                #!/bin/bash
                # time-calls.sh N XML COMMAND...: one line per run: start and end in microseconds, exit code
                n=$1; xml=$2; shift 2
                for ((i = 0; i < n; i++)); do
                  t0=$EPOCHREALTIME
                  "$@" <"$xml" >/dev/null 2>&1
                  rc=$?
                  t1=$EPOCHREALTIME
                  echo "${t0/./} ${t1/./} $rc"
                done
                """);
        List<String> timed = new java.util.ArrayList<>(List.of("/bin/bash", timer.toString(), String.valueOf(calls),
                xml.toString()));
        timed.addAll(cmd);
        Process p = new ProcessBuilder(timed).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        if (p.waitFor() != 0 || lines.size() != calls) {
            throw new IllegalStateException("the timing loop gave " + lines.size() + " of " + calls + " runs");
        }
        double[] ms = new double[calls];
        int ok = 0;
        for (int i = 0; i < calls; i++) {
            String[] f = lines.get(i).split(" ");
            ms[i] = (Long.parseLong(f[1]) - Long.parseLong(f[0])) / 1e3;
            ok += f[2].equals("0") ? 1 : 0;
        }
        Arrays.sort(ms);
        System.out.printf("| %s | %,d | %.1f | %.1f | %.1f | %,d |%n", what, calls, pct(ms, 0.5), pct(ms, 0.99),
                ms[calls - 1], ok);
    }

    /** One verdict asked of the agent's socket directly (as curl asks it, one request per connection). */
    private static void verdictOverSocket(Path socket) throws IOException {
        byte[] xml = XML.getBytes(StandardCharsets.UTF_8);
        String head = "POST /v1/libvirt/migrate-begin HTTP/1.1\r\nHost: gcm-agent\r\nContent-Type: application/xml\r\n"
                + "Content-Length: " + xml.length + "\r\nConnection: close\r\n\r\n";
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ch.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
            ch.write(ByteBuffer.wrap(xml));
            String answer = new String(Channels.newInputStream(ch).readAllBytes(), StandardCharsets.UTF_8);
            if (!answer.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("the agent did not approve the bench guest: " + answer);
            }
        }
    }

    /** One call as libvirt makes it (the domain XML on stdin); its exit code. */
    private static int call(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().write(XML.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        return p.waitFor();
    }

    private static void waitReady(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build();
        for (int i = 0; i < 600; i++) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the agent did not get ready");
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
