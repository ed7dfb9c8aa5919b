package dev.gcm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The CPU time of the planner members a load generator measures, read from /proc (Linux; user + system,
 * in clock ticks of 10 ms): in all, and of their JIT compiler threads alone, which tells when a member has
 * finished compiling its hot paths and a measurement would be of the code rather than of the compiler.
 */
final class MemberCpu {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ 100

    private final List<String> pids;

    private MemberCpu(List<String> pids) {
        this.pids = pids;
    }

    /** The members that {@code -Dgcm.bench.memberPids} lists; none when it is unset. */
    static MemberCpu fromProperty() {
        String pids = System.getProperty("gcm.bench.memberPids", "");
        return new MemberCpu(pids.isBlank() ? List.of()
                : Arrays.stream(pids.split(",")).map(String::trim).toList());
    }

    /** These JVMs and one more (an agent beside its planner). */
    MemberCpu and(long pid) {
        return new MemberCpu(Stream.concat(pids.stream(), Stream.of(String.valueOf(pid))).toList());
    }

    boolean known() {
        return !pids.isEmpty();
    }

    /** The members' CPU time so far, in ns. */
    long total() {
        long sum = 0;
        for (String pid : pids) {
            sum += ticks(Path.of("/proc", pid, "stat"));
        }
        return sum * NANOS_PER_TICK;
    }

    /** The CPU time so far of the members' JIT compiler threads (C1 and C2), in ns. */
    long compiling() {
        long sum = 0;
        for (String pid : pids) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc", pid, "task"))) {
                for (Path task : tasks.toList()) {
                    if (isCompiler(task)) {
                        sum += ticks(task.resolve("stat"));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot list the threads of member " + pid, e);
            }
        }
        return sum * NANOS_PER_TICK;
    }

    /**
     * The CPU time so far of the members' threads, in ns, summed by group: a thread's name with its digits
     * dropped ({@code vert.x-eventloop-thread-}, {@code hz.NAME.partition-operation.thread-}, ...).
     */
    Map<String, Long> byThreadGroup() {
        Map<String, Long> sum = new TreeMap<>();
        for (String pid : pids) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc", pid, "task"))) {
                for (Path task : tasks.toList()) {
                    String name = threadName(task);
                    if (name != null) {
                        sum.merge(name.replaceAll("[0-9]+", ""), ticks(task.resolve("stat")) * NANOS_PER_TICK, Long::sum);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot list the threads of member " + pid, e);
            }
        }
        return sum;
    }

    /** A round of warm-up load. */
    interface Round {
        void run() throws IOException, InterruptedException;
    }

    /** What a round's compiling is a share of: the JVMs' own CPU in the round, or the round's wall time (a core). */
    enum Share { OF_THEIR_CPU, OF_A_CORE }

    /** How a warm-up ended: quiet two rounds in a row or out of time, after how long, and the last round's share. */
    record Warmed(boolean quiet, double seconds, double lastShare) {
    }

    /**
     * Runs rounds of load until two rounds in a row in which these JVMs' compiler threads spent under
     * {@code below} of {@code share}, or until {@code atMost} has passed: a measurement before that is of the
     * JIT compiler rather than of the code.
     */
    Warmed warmUntilCompiled(Round round, Share share, double below, Duration atMost)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        int quietRounds = 0;
        double last = Double.NaN;
        while (quietRounds < 2 && System.nanoTime() - start < atMost.toNanos()) {
            long compiling = compiling();
            long total = total();
            long began = System.nanoTime();
            round.run();
            long spent = share == Share.OF_THEIR_CPU ? Math.max(1, total() - total) : System.nanoTime() - began;
            last = (double) (compiling() - compiling) / spent;
            quietRounds = last < below ? quietRounds + 1 : 0;
        }
        return new Warmed(quietRounds >= 2, (System.nanoTime() - start) / 1e9, last);
    }

    private static boolean isCompiler(Path task) {
        String name = threadName(task);
        return name != null && (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler"));
    }

    /** The thread's name as the kernel keeps it (15 characters at most); null when the thread ended meanwhile. */
    private static String threadName(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return null;
        }
    }

    private static long ticks(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            if (stat.getParent().getParent().getFileName().toString().equals("task")) {
                return 0; // a thread that ended between listing and reading
            }
            throw new IllegalStateException("cannot read the CPU time in " + stat, e);
        }
    }
}
