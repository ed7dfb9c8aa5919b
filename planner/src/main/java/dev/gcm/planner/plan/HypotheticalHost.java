package dev.gcm.planner.plan;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.hypervisor.kvm.SimulatedHost;
import dev.gcm.hypervisor.probe.KvmProbe;
import dev.gcm.hypervisor.probe.ProbeException;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordValidator;
import dev.gcm.hypervisor.record.ResolvedHost;
import dev.gcm.planner.index.IndexSnapshot;
import dev.gcm.planner.index.IndexedHost;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A host a what-if adds, as the question gives it: a model as given ({@link Given}), a copy of an existing host
 * ({@link Like}: its model, IBC range and QEMU release), or a catalog definition as a KVM host of that machine
 * presents it ({@link AsKvmHost}: what the simulated probe computes from the machine's facilities, its SCLP
 * features and subfunctions, not QEMU's bare named model, which lacks features every real host of the machine
 * reports).
 */
public sealed interface HypotheticalHost {

    /** The id the answer names it by. */
    String id();

    /** Where the host comes from, for the answer: "model", "like HOST", "definition NAME as a KVM host". */
    String origin();

    record Given(GcmHost host) implements HypotheticalHost {
        @Override
        public String id() {
            return host.id();
        }

        @Override
        public String origin() {
            return "model";
        }
    }

    record Like(String id, String hostId) implements HypotheticalHost {
        @Override
        public String origin() {
            return "like " + hostId;
        }
    }

    record AsKvmHost(String id, String definition) implements HypotheticalHost {
        @Override
        public String origin() {
            return "definition " + definition + " as a KVM host";
        }
    }

    /** Turns the question's hosts into hosts the GCM and the gate's CPU rule can weigh. */
    final class Resolver {

        /** A definition's host model is probed once (a simulated KVM VM), then reused. */
        private final Map<String, ResolvedHost> asKvmHost = new ConcurrentHashMap<>();

        private final Catalog catalog;
        private final HostRecordValidator validator;

        public Resolver(Catalog catalog, HostRecordValidator validator) {
            this.catalog = catalog;
            this.validator = validator;
        }

        /**
         * The host to weigh.
         *
         * @param field the JSON path of the host in the question, for errors
         */
        public GcmHost resolve(HypotheticalHost h, IndexSnapshot snap, String field) {
            if (h instanceof Like l) {
                IndexedHost source = snap.host(l.hostId()).orElseThrow(() -> new InvalidQuestion("INVALID_JSON",
                        field + ".like", "no host '" + l.hostId() + "' to copy"));
                return withId(source.resolved(), l.id());
            }
            if (h instanceof AsKvmHost k) {
                return withId(asKvmHost.computeIfAbsent(k.definition(), d -> probe(d, field)), k.id());
            }
            return ((Given) h).host();
        }

        private GcmHost withId(ResolvedHost r, String id) {
            Optional<QemuVersion> qemu = Optional.ofNullable(r.record().hypervisor())
                    .map(HostRecord.HypervisorInfo::qemuVersion).flatMap(Resolver::release);
            return new GcmHost(id, r.hostModel(), r.ibcRange(), qemu);
        }

        private static Optional<QemuVersion> release(String text) {
            try {
                return Optional.of(QemuVersion.parse(text));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        private ResolvedHost probe(String name, String field) {
            CpuDefinition def = catalog.definition(name).orElseThrow(() -> new InvalidQuestion("INVALID_MODEL",
                    field + ".definition", "unknown CPU definition " + name));
            try {
                HostRecord r = KvmProbe.simulated(catalog, SimulatedHost.of(def)).probe()
                        .toRecord("as-" + def.name(), Map.of(), "what-if", "what-if", 1, Instant.EPOCH);
                return validator.validate(r);
            } catch (ProbeException | RuntimeException e) {
                throw new InvalidQuestion("INVALID_MODEL", field + ".definition", "no KVM host presents "
                        + def.name() + ": " + e.getMessage());
            }
        }
    }
}
