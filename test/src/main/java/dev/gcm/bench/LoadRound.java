package dev.gcm.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What one stretch of load measured, or the sum of several stretches of the same kind: requests, wall time,
 * latencies, errors, and (with the members' pids known) the members' CPU, this generator's, and the members'
 * CPU by thread group. Summing stretches interleaved with those of another kind is how GateLoad compares the
 * two: a machine whose speed drifts over a minute then weighs on both alike.
 */
record LoadRound(int requests, long nanos, long[] latencies, int errors, long memberCpuNanos, long generatorCpuNanos,
                 Map<String, Long> threadGroupNanos) {

    /** No stretch yet. */
    static LoadRound none() {
        return new LoadRound(0, 0, new long[0], 0, 0, 0, Map.of());
    }

    LoadRound plus(LoadRound o) {
        long[] both = Arrays.copyOf(latencies, latencies.length + o.latencies.length);
        System.arraycopy(o.latencies, 0, both, latencies.length, o.latencies.length);
        Map<String, Long> groups = new HashMap<>(threadGroupNanos);
        o.threadGroupNanos.forEach((k, v) -> groups.merge(k, v, Long::sum));
        return new LoadRound(requests + o.requests, nanos + o.nanos, both, errors + o.errors,
                memberCpuNanos + o.memberCpuNanos, generatorCpuNanos + o.generatorCpuNanos, groups);
    }

    double perSecond() {
        return nanos == 0 ? 0 : requests / (nanos / 1e9);
    }

    /** The members' CPU per request in µs; NaN when the members' pids are not known or nothing was asked. */
    double memberMicros(boolean cpuKnown) {
        return cpuKnown && requests > 0 ? memberCpuNanos / 1e3 / requests : Double.NaN;
    }

    double generatorMicros(boolean cpuKnown) {
        return cpuKnown && requests > 0 ? generatorCpuNanos / 1e3 / requests : Double.NaN;
    }

    /** The latencies at the given quantiles in ms, sorted once (NaN without requests). */
    double[] percentilesMillis(double... quantiles) {
        double[] out = new double[quantiles.length];
        if (latencies.length == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < quantiles.length; i++) {
            out[i] = sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantiles[i] * sorted.length) - 1)] / 1e6;
        }
        return out;
    }
}
