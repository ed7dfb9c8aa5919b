package dev.gcm.facilitydb.gcm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.testing.SeededModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-kind path gives exactly the answer of the straightforward one over every host. */
class FleetGcmTest {

    private static final Catalog NEWEST = Catalog.load();
    private static final QemuVersion V72 = QemuVersion.parse("7.2.22");
    private static final QemuVersion V10 = QemuVersion.parse("10.0.2");
    private static final long SEED = SeededModels.seed();

    @Test
    void randomFleetsGetTheSameGcmBoundAndLimitsAsEveryHostComputedOneByOne() {
        Random random = new Random(SEED);
        int common = 0;
        for (int f = 0; f < 500; f++) {
            List<GcmHost> kinds = kinds(random, 1 + random.nextInt(8));
            List<GcmHost> hosts = new ArrayList<>();
            int n = 1 + random.nextInt(60);
            for (int i = 0; i < n; i++) {
                GcmHost k = kinds.get(random.nextInt(kinds.size()));
                // an equal model in an object of its own, as a host read from a file has
                CpuModel copy = new CpuModel(k.model().definition(), k.model().features().toBuilder().build());
                hosts.add(new GcmHost("h" + i, copy, k.ibcRange(), k.qemu()));
            }
            Optional<QemuVersion> asked = random.nextInt(6) == 0 ? Optional.of(V72) : Optional.empty();
            GcmOptions options = new GcmOptions(random.nextBoolean(), random.nextBoolean());
            String context = "seed " + SEED + " (replay: -Dgcm.seed=" + SEED + "), fleet #" + f;

            FleetGcm.Result fast = FleetGcm.compute(NEWEST, hosts, asked, options);
            MixedReleaseGcm.Result plain = MixedReleaseGcm.compute(NEWEST, hosts, asked, options);
            assertThat(fast.view().release()).as(context).isEqualTo(plain.view().release());
            assertThat(fast.gcm()).as(context).isEqualTo(plain.gcm());
            assertThat(fast.gcm()).as(context + ": Gcm.compute over every host, as the view sees it")
                    .isEqualTo(Gcm.compute(plain.view().catalog(), plain.reducedHosts(), options));
            assertThat(fast.bound()).as(context).isEqualTo(plain.bound());
            assertThat(fast.kinds()).as(context).isLessThanOrEqualTo(kinds.size());
            List<GcmLimits.Limit> limits = plain.gcm().model()
                    .map(m -> GcmLimits.of(plain.view().catalog(), plain.reducedHosts(), m, options)).orElse(List.of());
            assertThat(fast.limits()).as(context).isEqualTo(limits);
            common += plain.gcm().hasCommonModel() ? 1 : 0;
        }
        assertThat(common).as("seed " + SEED + ": most fleets have a common model, some do not").isBetween(100, 499);
    }

    @Test
    void aHundredThousandHostsOfAFewKindsAreComputedOncePerKind() {
        List<GcmHost> hosts = new ArrayList<>();
        CpuModel z14 = CpuModel.named(NEWEST.definition("z14").orElseThrow());
        CpuModel gen15 = CpuModel.named(NEWEST.definition("gen15a").orElseThrow());
        CpuModel noVx = new CpuModel(gen15.definition(), gen15.features().andNot(NEWEST.featureSet(List.of("vx"))));
        for (int i = 0; i < 100_000; i++) {
            CpuModel m = i % 3 == 0 ? z14 : i % 3 == 1 ? gen15 : noVx;
            hosts.add(new GcmHost("h" + i, m, Optional.empty(), Optional.of(i % 5 == 0 ? V72 : V10)));
        }
        FleetGcm.Result r = FleetGcm.compute(NEWEST, hosts, Optional.empty(), GcmOptions.DEFAULT);
        assertThat(r.kinds()).isEqualTo(6);
        assertThat(r.gcm().hostCount()).isEqualTo(100_000);
        assertThat(r.gcm().model().orElseThrow().definition().name()).isEqualTo("z14");
        assertThat(r.bound().hosts()).hasSize(20_000).startsWith("h0", "h5");
        assertThat(r.limits()).as("z14 hosts cap the generation and lack etoken, gen15 hosts lack csske and bpb")
                .hasSize(100_000);
        assertThat(r.limits().get(2).host()).isEqualTo("h2");
        assertThat(r.limits().get(2).removes()).containsExactly("csske", "bpb", "vx");
        assertThat(r.limits().get(3).removes()).as("the same lists, shared").isSameAs(r.limits().get(6).removes());
    }

    /** Hosts of recent definitions in the view of 7.2, 10.0 or no release named, some with IBC ranges. */
    private static List<GcmHost> kinds(Random random, int count) {
        List<GcmHost> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int release = random.nextInt(3);
            Optional<QemuVersion> qemu = release == 0 ? Optional.of(V72) : release == 1 ? Optional.of(V10) : Optional.empty();
            Catalog view = qemu.map(NEWEST::forQemu).orElse(NEWEST);
            List<CpuDefinition> recent = view.definitions().stream().filter(d -> d.generation() >= 13).toList();
            CpuModel m = SeededModels.model(view, recent.get(random.nextInt(recent.size())), random);
            Optional<IbcRange> range = Optional.empty();
            if (random.nextInt(3) == 0) {
                Ibc unblocked = m.definition().ibc();
                range = Optional.of(new IbcRange(new Ibc(Math.min(unblocked.value(), 0x31 + random.nextInt(3) * 0x10)),
                        unblocked));
            }
            out.add(new GcmHost("kind" + i, m, range, qemu));
            if (random.nextInt(4) == 0) { // the same model with another range or release: a kind of its own
                out.add(new GcmHost("kind" + i + "b", m, Optional.empty(), Optional.of(V10)));
            }
        }
        if (random.nextInt(10) == 0) { // a host without a base feature of every definition: no common model
            CpuModel m = out.get(0).model();
            out.add(new GcmHost("broken", new CpuModel(m.definition(), m.features().andNot(NEWEST.featureSet(
                    List.of("esan3")))), Optional.empty(), Optional.empty()));
        }
        return out;
    }
}
