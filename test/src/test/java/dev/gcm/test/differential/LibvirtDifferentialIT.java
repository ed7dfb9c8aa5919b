package dev.gcm.test.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.forms.LibvirtCpuXml;
import dev.gcm.facilitydb.forms.ModelForms;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.test.support.Oracles;
import dev.gcm.test.support.Ours;
import dev.gcm.test.support.PrivateLibvirtd;
import dev.gcm.test.support.QemuOracle;
import dev.gcm.test.support.RandomModels;
import dev.gcm.test.support.VirshCpuBaseline;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * libvirt 9.0 as one more oracle, through a private libvirtd over the system QEMU (7.2): it reads our
 * {@code -o libvirt} output and answers the same model, and {@code virsh hypervisor-cpu-baseline} over random
 * fleets of up to 256 hosts' {@code <cpu>} elements equals our GCM, both up to the disabled features libvirt
 * drops from its answers (so its {@code z14-base} GCM of z14 and gen15a hosts has csske again, which QEMU's
 * baseline keeps off).
 */
class LibvirtDifferentialIT extends OracleTest {

    private static final long SEED = Long.getLong("gcm.seed", 20261122L) + 4;
    private static PrivateLibvirtd libvirt;
    private static VirshCpuBaseline virsh;

    @BeforeAll
    static void startLibvirt() throws IOException {
        Optional<String> unavailable = PrivateLibvirtd.unavailable();
        if (unavailable.isPresent()) {
            throw Oracles.missing("libvirt: " + unavailable.get());
        }
        libvirt = PrivateLibvirtd.builder().start();
        virsh = new VirshCpuBaseline(libvirt);
    }

    @AfterAll
    static void stopLibvirt() {
        if (libvirt != null) {
            libvirt.close();
        }
    }

    private static Ours ours() {
        return ORACLES.ours(QemuOracle.QEMU_7_2);
    }

    /** libvirt's answer as a model, and what it dropped: our model with its disabled base features back. */
    private static void assertSameUpToDroppedDisables(CpuModel ours, String answer, String context) {
        CpuModelInfo theirs = ModelForms.read(answer).model();
        CpuModel resolved = ours().resolve(theirs).orElseThrow(() -> new AssertionError(context + ": " + answer));
        CpuModelInfo mine = Expansion.staticForm(ours().catalog(), ours);
        assertThat(resolved.definition().name()).as(context).isEqualTo(ours.definition().name());
        assertThat(new TreeSet<>(theirs.props().keySet())).as(context + ": libvirt's features are our enabled ones")
                .isEqualTo(new TreeSet<>(mine.props().entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                        .toList()));
        assertThat(resolved.features()).as(context).isEqualTo(ours.features().or(ours.definition().base()));
    }

    @Test
    void libvirtReadsOurLibvirtOutputAsTheSameModel() throws IOException {
        RandomModels random = new RandomModels(ours().catalog(), SEED);
        for (int i = 0; i < 12; i++) {
            CpuModelInfo info = i % 3 == 0 ? CpuModelInfo.named(random.anyDefinition().name()) : random.model();
            Optional<CpuModel> model = ours().resolve(info);
            if (model.isEmpty()) {
                continue;
            }
            String xml = LibvirtCpuXml.write(Expansion.staticForm(ours().catalog(), model.get()));
            PrivateLibvirtd.Result r = virsh.baseline(List.of(xml));
            assertThat(r.exitCode()).as(xml + r.err()).isZero();
            assertSameUpToDroppedDisables(model.get(), r.out(), "seed " + SEED + ", model #" + i + " " + info);
        }
    }

    @Test
    void libvirtDropsTheDisabledCsskeThatQemusBaselineKeeps() throws IOException {
        List<CpuModelInfo> hosts = List.of(CpuModelInfo.named("z14"), CpuModelInfo.named("gen15a"));
        CpuModelInfo gcm = ours().gcm(hosts).orElseThrow();
        assertThat(gcm.props()).containsEntry("csske", false);
        assertThat(ORACLES.get(QemuOracle.QEMU_7_2).baseline(hosts.get(0), hosts.get(1))).contains(gcm);
        String answer = virsh.baseline(hosts.stream().map(LibvirtCpuXml::write).toList()).orThrow().out();
        CpuModelInfo theirs = ModelForms.read(answer).model();
        assertThat(theirs.name()).isEqualTo("z14-base");
        assertThat(theirs.props()).doesNotContainKey("csske");
        assertThat(ours().catalog().names(ours().resolve(theirs).orElseThrow().features())).contains("csske");
    }

    @Test
    void gcmOfRandomFleetsEqualsVirshBaselineUpToDroppedDisables() throws IOException {
        RandomModels random = new RandomModels(ours().catalog(), SEED + 1);
        QemuOracle qemu = ORACLES.get(QemuOracle.QEMU_7_2);
        int agreed = 0;
        int orderDependent = 0;
        int noCommonModel = 0;
        int[] sizes = {2, 2, 3, 4, 5, 8, 12, 20, 40, 100, 200, 256, 256, 7, 16, 64};
        for (int f = 0; f < sizes.length; f++) {
            List<CpuModelInfo> fleet = random.fleet(sizes[f]);
            if (fleet.stream().anyMatch(m -> ours().resolve(m).isEmpty())) {
                continue;
            }
            // the hosts' <cpu> elements, as libvirt reports them: their models in QEMU's static form
            List<String> cpus = fleet.stream().map(m -> LibvirtCpuXml.write(ours().expand(m, Expansion.Type.STATIC)
                    .orElseThrow())).toList();
            String context = "seed " + SEED + " (-Dgcm.seed=" + (SEED - 4) + "), fleet #" + f + " of " + fleet.size();
            PrivateLibvirtd.Result r = virsh.baseline(cpus);
            Optional<CpuModelInfo> mine = ours().gcm(fleet);
            if (r.exitCode() != 0 || mine.isEmpty()) {
                assertThat(mine).as(context + ": libvirt says " + r.err()).isEmpty();
                assertThat(r.exitCode()).as(context + ": we found no common model").isNotZero();
                noCommonModel++;
                continue;
            }
            CpuModel ourModel = ours().resolve(mine.get()).orElseThrow();
            CpuModel theirs = ours().resolve(ModelForms.read(r.out()).model()).orElseThrow();
            if (!theirs.features().equals(ourModel.features().or(ourModel.definition().base()))
                    || theirs.definition() != ourModel.definition()) {
                // libvirt folds in the order given; where the order matters QEMU's own fold says so too
                List<CpuModelInfo> reversed = new ArrayList<>(fleet);
                Collections.reverse(reversed);
                assertThat(qemu.fold(fleet)).as(context + ": differs from libvirt, so QEMU's fold must depend on order")
                        .isNotEqualTo(qemu.fold(reversed));
                orderDependent++;
                continue;
            }
            assertSameUpToDroppedDisables(ourModel, r.out(), context);
            agreed++;
        }
        System.out.printf("libvirt differential: %d fleets agreed, %d without a common model, %d order-dependent%n",
                agreed, noCommonModel, orderDependent);
        assertThat(agreed).isGreaterThanOrEqualTo(sizes.length * 2 / 3);
    }

    @Test
    void libvirtRefusesMoreThan256CpusInOneCall() throws IOException {
        String z14 = LibvirtCpuXml.write(CpuModelInfo.named("z14"));
        PrivateLibvirtd.Result r = virsh.baseline(Collections.nCopies(VirshCpuBaseline.MAX_CPUS + 1, z14));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("greater than maximum: 257 > 256");
        VirshCpuBaseline.Fold fold = virsh.fold(Collections.nCopies(300, z14));
        assertThat(fold.calls()).isEqualTo(3);
        assertThat(ModelForms.read(fold.cpu()).model().name()).isEqualTo("z14-base");
    }
}
