package dev.gcm.facilitydb.gcm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.facilitydb.release.QemuView;
import dev.gcm.facilitydb.testing.SeededModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MixedReleaseGcmTest {

    private static final Catalog NEWEST = Catalog.load();
    private static final QemuVersion V72 = QemuVersion.parse("7.2.22");
    private static final QemuVersion V10 = QemuVersion.parse("10.0.2");
    private static final long SEED = SeededModels.seed();

    private static GcmHost host(String id, String model, QemuVersion qemu) {
        CpuModel m = new ModelResolver(NEWEST.forQemu(qemu)).resolve(CpuModelInfo.named(model));
        return new GcmHost(id, m, Optional.empty(), Optional.of(qemu));
    }

    @Test
    void aFleetWithAQemu72HostGetsAModelQemu72Knows() {
        List<GcmHost> hosts = List.of(host("old", "gen16a", V72), host("new", "gen17a", V10));
        MixedReleaseGcm.Result r = MixedReleaseGcm.compute(NEWEST, hosts, Optional.empty(), GcmOptions.DEFAULT);
        assertThat(r.view().release()).isEqualTo(QemuVersion.parse("7.2"));
        CpuModel m = r.gcm().model().orElseThrow();
        assertThat(m.definition().name()).as("gen16a and gen17a-as-7.2-sees-it (gen16b) share generation 16 GA 1")
                .isEqualTo("gen16b");
        assertThat(m.features().andNot(r.view().catalog().knownFeatures()).isEmpty()).isTrue();
        assertThat(r.bound().hosts()).containsExactly("old");
        assertThat(r.bound().reduced()).containsEntry("new", "gen17a → gen16b");
        assertThat(r.bound().featuresLeftOut()).contains("vxeh3");
        assertThat(r.bound().sentence()).startsWith("computed in the view of QEMU 7.2 (the QEMU of old)")
                .contains("does not know the definitions of new gen17a → gen16b");
    }

    @Test
    void anAskedOlderReleaseReducesHostsInsteadOfRefusingThem() {
        List<GcmHost> hosts = List.of(host("a", "gen17a", V10), host("b", "gen17a", V10),
                new GcmHost("c", new ModelResolver(NEWEST).resolve(CpuModelInfo.named("gen17a"))));
        MixedReleaseGcm.Result newest = MixedReleaseGcm.compute(NEWEST, hosts, Optional.empty(), GcmOptions.DEFAULT);
        assertThat(newest.gcm().model().orElseThrow().definition().name()).isEqualTo("gen17a");
        assertThat(newest.bound().costs()).isFalse();
        MixedReleaseGcm.Result asked = MixedReleaseGcm.compute(NEWEST, hosts, Optional.of(QemuVersion.parse("7.2")),
                GcmOptions.DEFAULT);
        assertThat(asked.gcm().model().orElseThrow().definition().name()).isEqualTo("gen16b");
        assertThat(asked.bound().asked()).isTrue();
        assertThat(asked.bound().hosts()).isEmpty();
        assertThat(asked.bound().sentence()).startsWith("computed in the view of QEMU 7.2 (as asked)");
        MixedReleaseGcm.Result unnamed = MixedReleaseGcm.compute(NEWEST, List.of(hosts.get(2)), Optional.empty(),
                GcmOptions.DEFAULT);
        assertThat(unnamed.bound().sentence()).isEqualTo("computed in the view of QEMU 10.2 (the newest this catalog"
                + " knows; no host names its QEMU release)");
    }

    /**
     * The invariance an incremental index relies on: the GCM of the reduced hosts equals the GCM from a summary
     * of the unreduced hosts put into the view (features masked, definitions reduced), and every reduced host can
     * run it.
     */
    @Test
    void theGcmOfRandomMixedFleetsIsTheSameFromTheHostsAndFromASummary() {
        Random random = new Random(SEED);
        for (int f = 0; f < 400; f++) {
            List<GcmHost> hosts = randomFleet(random, 1 + random.nextInt(12));
            Optional<QemuVersion> asked = random.nextInt(5) == 0 ? Optional.of(V72) : Optional.empty();
            GcmOptions options = new GcmOptions(random.nextBoolean(), random.nextBoolean());
            MixedReleaseGcm.Result r = MixedReleaseGcm.compute(NEWEST, hosts, asked, options);
            String context = "seed " + SEED + " (replay: -Dgcm.seed=" + SEED + "), fleet #" + f + ": " + describe(hosts);
            GcmSummary summary = MixedReleaseGcm.summaryInView(r.view(), hosts.size(),
                    FeatureSet.intersectionOf(hosts.stream().map(h -> h.model().features()).toList()),
                    hosts.stream().map(h -> h.model().definition()).distinct().toList(), maxLowest(hosts),
                    minUnblocked(hosts));
            assertThat(Gcm.fromSummary(r.view().catalog(), summary, options)).as(context).isEqualTo(r.gcm().model());
            if (r.gcm().model().isPresent()) {
                CpuModel m = r.gcm().model().get();
                CpuModelInfo asQemu = Expansion.staticForm(r.view().catalog(), m);
                assertThat(new ModelResolver(r.view().catalog()).resolve(asQemu)).as(context).isEqualTo(m);
                for (GcmHost h : r.reducedHosts()) {
                    assertThat(h.model().features().containsAll(m.features())).as(context + " host " + h.id()).isTrue();
                    assertThat(h.model().definition().isOlderThan(m.definition())).as(context).isFalse();
                }
            }
        }
    }

    private static List<GcmHost> randomFleet(Random random, int n) {
        List<GcmHost> hosts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            QemuVersion qemu = random.nextInt(3) == 0 ? V72 : V10;
            Catalog view = NEWEST.forQemu(qemu);
            List<CpuDefinition> recent = view.definitions().stream().filter(d -> d.generation() >= 14).toList();
            CpuModel m = SeededModels.model(view, recent.get(random.nextInt(recent.size())), random);
            Optional<IbcRange> range = Optional.empty();
            if (random.nextInt(4) == 0) {
                Ibc unblocked = m.definition().ibc();
                range = Optional.of(new IbcRange(new Ibc(Math.min(unblocked.value(), 0x31 + random.nextInt(2) * 0x10)),
                        unblocked));
            }
            hosts.add(new GcmHost("h" + i, m, range, Optional.of(qemu)));
        }
        return hosts;
    }

    private static Optional<Ibc> maxLowest(List<GcmHost> hosts) {
        return hosts.stream().flatMap(h -> h.ibcRange().stream()).map(IbcRange::lowest).max(Ibc::compareTo);
    }

    private static Optional<Ibc> minUnblocked(List<GcmHost> hosts) {
        return hosts.stream().flatMap(h -> h.ibcRange().stream()).map(IbcRange::unblocked).min(Ibc::compareTo);
    }

    private static String describe(List<GcmHost> hosts) {
        return hosts.stream().map(h -> h.id() + "=" + h.qemu().orElseThrow() + ":"
                + Expansion.staticForm(NEWEST, h.model()).toCpuArgument() + h.ibcRange().map(r -> " " + r).orElse(""))
                .toList().toString();
    }
}
