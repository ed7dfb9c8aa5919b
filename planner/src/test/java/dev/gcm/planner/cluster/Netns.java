package dev.gcm.planner.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A small real network for partition tests: one Linux network namespace per member, each with two veth
 * pairs: one into a bridge that all members share (the cluster network, which a test can cut), one to
 * this test's namespace (the API, which stays up, so the test can ask a cut-off member). Names and
 * subnets are random, so concurrent runs do not meet; {@link #close()} removes everything. Needs root,
 * or {@code sudo -n}.
 */
final class Netns implements AutoCloseable {

    private final String tag;
    private final int count;
    private final String clusterNet;
    private final String apiNet;
    private final List<String> created = new ArrayList<>();
    private String bridge;

    private Netns(String tag, int count, String clusterNet, String apiNet) {
        this.tag = tag;
        this.count = count;
        this.clusterNet = clusterNet;
        this.apiNet = apiNet;
    }

    /** Whether this process may make namespaces (root, or sudo without a password). */
    static boolean available() {
        try {
            return run(List.of("ip", "netns", "list"), false) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static Netns create(int members) throws IOException {
        Random r = new Random();
        String tag = Integer.toHexString(0x100000 + r.nextInt(0xefffff));
        int a = 100 + r.nextInt(100);
        int b = 2 * r.nextInt(120);
        Netns n = new Netns(tag, members, "10." + a + "." + b, "10." + a + "." + (b + 1));
        try {
            n.build();
        } catch (IOException | RuntimeException e) {
            n.close();
            throw e;
        }
        return n;
    }

    private void build() throws IOException {
        bridge = "gb" + tag;
        ip("link", "add", bridge, "type", "bridge");
        created.add("link:" + bridge);
        ip("link", "set", bridge, "up");
        for (int i = 0; i < count; i++) {
            String ns = namespace(i);
            ip("netns", "add", ns);
            created.add("netns:" + ns);
            ip("-n", ns, "link", "set", "lo", "up");
            // the cluster network: member i's end in its namespace, the other end in the bridge
            pair("gc" + tag + i, "gm" + tag + i, ns);
            ip("link", "set", "gc" + tag + i, "master", bridge);
            ip("link", "set", "gc" + tag + i, "up");
            ip("-n", ns, "addr", "add", clusterIp(i) + "/24", "dev", "gm" + tag + i);
            ip("-n", ns, "link", "set", "gm" + tag + i, "up");
            // the API: a point-to-point link to this namespace
            pair("ga" + tag + i, "gn" + tag + i, ns);
            ip("addr", "add", apiNet + "." + (4 * i + 1) + "/30", "dev", "ga" + tag + i);
            ip("link", "set", "ga" + tag + i, "up");
            ip("-n", ns, "addr", "add", httpIp(i) + "/30", "dev", "gn" + tag + i);
            ip("-n", ns, "link", "set", "gn" + tag + i, "up");
        }
    }

    private void pair(String here, String there, String ns) throws IOException {
        ip("link", "add", here, "type", "veth", "peer", "name", there);
        created.add("link:" + here);
        ip("link", "set", there, "netns", ns);
    }

    String namespace(int i) {
        return "gcm-" + tag + "-" + i;
    }

    /** Member i's address on the cluster network (its member port). */
    String clusterIp(int i) {
        return clusterNet + "." + (i + 1);
    }

    /** Member i's address for the API, reachable from this test. */
    String httpIp(int i) {
        return apiNet + "." + (4 * i + 2);
    }

    /** What runs a command inside member i's namespace (it execs: the process is the command itself). */
    List<String> prefix(int i) {
        List<String> p = new ArrayList<>(sudo());
        p.addAll(List.of("ip", "netns", "exec", namespace(i)));
        return p;
    }

    /** Cuts member i off the cluster network (its API stays reachable). */
    void cut(int i) throws IOException {
        ip("link", "set", "gc" + tag + i, "down");
    }

    void heal(int i) throws IOException {
        ip("link", "set", "gc" + tag + i, "up");
    }

    @Override
    public void close() {
        for (int i = created.size() - 1; i >= 0; i--) {
            String[] what = created.get(i).split(":", 2);
            try {
                if (what[0].equals("netns")) {
                    run(List.of("ip", "netns", "del", what[1]), false);
                } else {
                    run(List.of("ip", "link", "del", what[1]), false);
                }
            } catch (IOException e) {
                // gone already (a veth goes with its peer's namespace)
            }
        }
    }

    private static void ip(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        if (run(cmd, true) != 0) {
            throw new IOException("failed: " + String.join(" ", cmd));
        }
    }

    private static List<String> sudo() {
        return "root".equals(System.getProperty("user.name")) ? List.of() : List.of("sudo", "-n");
    }

    private static int run(List<String> cmd, boolean loud) throws IOException {
        List<String> full = new ArrayList<>(sudo());
        full.addAll(cmd);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + full);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (p.exitValue() != 0 && loud) {
            System.err.println(String.join(" ", full) + ": " + out.strip());
        }
        return p.exitValue();
    }
}
