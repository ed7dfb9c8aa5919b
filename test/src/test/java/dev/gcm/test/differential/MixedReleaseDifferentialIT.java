package dev.gcm.test.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.gcm.GcmOptions;
import dev.gcm.facilitydb.gcm.MixedReleaseGcm;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.test.support.QemuOracle;
import dev.gcm.test.support.RandomModels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fleets that mix QEMU 7.2 and 10.0 hosts, each host's model drawn in its own release's view (gen17 and the
 * features new since 7.2 on the 10.0 hosts): our GCM, computed in the oldest release's view, is accepted by both
 * real QEMUs and equals the fold each QEMU computes over the hosts as that view sees them.
 */
class MixedReleaseDifferentialIT extends OracleTest {

    private static final long SEED = Long.getLong("gcm.seed", 20261122L) + 3;
    private static final int FLEETS = Integer.getInteger("gcm.mixedFleets", 120);

    @Test
    void theGcmOfMixedFleetsIsAcceptedByBothReleasesAndEqualsTheirFolds() {
        Map<String, RandomModels> random = Map.of(
                QemuOracle.QEMU_7_2, new RandomModels(ORACLES.ours(QemuOracle.QEMU_7_2).catalog(), SEED),
                QemuOracle.QEMU_10_0, new RandomModels(ORACLES.ours(QemuOracle.QEMU_10_0).catalog(), SEED + 1));
        java.util.Random pick = new java.util.Random(SEED);
        int agreed = 0;
        int orderDependent = 0;
        int reducedHosts = 0;
        for (int f = 0; f < FLEETS; f++) {
            List<GcmHost> hosts = fleet(random, pick, 2 + pick.nextInt(f % 10 == 0 ? 40 : 8));
            MixedReleaseGcm.Result ours = MixedReleaseGcm.compute(Catalog.load(), hosts, Optional.empty(), GcmOptions.DEFAULT);
            Catalog view = ours.view().catalog();
            List<CpuModelInfo> reduced = ours.reducedHosts().stream().map(h -> Expansion.staticForm(view, h.model())).toList();
            reducedHosts += ours.bound().reduced().size();
            String context = "seed " + SEED + " (-Dgcm.seed=" + (SEED - 3) + "), fleet #" + f + " in the view of "
                    + ours.view() + ", reduced hosts: "
                    + CpuModelInfoJson.mapper().valueToTree(reduced.stream().map(CpuModelInfoJson::write).toList());
            // every release at least as new as the view must accept the GCM (QEMU 7.2 cannot read a 10.0 view)
            for (String release : QemuOracle.RELEASES) {
                QemuOracle qemu = ORACLES.get(release);
                if (!qemu.qemuVersion().atLeast(ours.view().release())) {
                    continue;
                }
                Set<Optional<CpuModelInfo>> answers = new HashSet<>();
                List<CpuModelInfo> reversed = new ArrayList<>(reduced);
                Collections.reverse(reversed);
                answers.add(qemu.fold(reduced));
                answers.add(qemu.fold(reversed));
                if (answers.size() > 1) {
                    orderDependent++;
                    continue;
                }
                Optional<CpuModelInfo> theirs = answers.iterator().next();
                assertThat(ours.gcm().model().isPresent()).as("QEMU " + release + ": " + context + " -> " + theirs)
                        .isEqualTo(theirs.isPresent());
                if (theirs.isPresent()) {
                    CpuModel mine = ours.gcm().model().get();
                    CpuModelInfo mineAsQemu = Expansion.staticForm(view, mine);
                    Optional<CpuModelInfo> accepted = qemu.expand(mineAsQemu, "static");
                    assertThat(accepted).as("QEMU " + release + " accepts " + mineAsQemu + "; " + context).isPresent();
                    assertThat(resolve(release, accepted.get())).as(context).isEqualTo(features(mine));
                    assertThat(resolve(release, theirs.get())).as("QEMU " + release + " fold; " + context)
                            .isEqualTo(features(mine));
                    agreed++;
                }
            }
        }
        System.out.printf("mixed-release differential: %d answers agreed with QEMU 7.2's and 10.0's folds, %d"
                + " order-dependent folds skipped, %d hosts reduced to the older view%n", agreed, orderDependent, reducedHosts);
        assertThat(agreed).isGreaterThanOrEqualTo(FLEETS);
        assertThat(reducedHosts).as("gen17 hosts must meet QEMU 7.2").isPositive();
    }

    /** A model as a release's QEMU answered it, in that release's view: definition name and feature names. */
    private static List<String> resolve(String release, CpuModelInfo info) {
        CpuModel m = ORACLES.ours(release).resolve(info).orElseThrow(() -> new AssertionError("we refuse " + info));
        return features(m);
    }

    private static List<String> features(CpuModel m) {
        List<String> out = new ArrayList<>(List.of(m.definition().name()));
        out.addAll(Catalog.load().names(m.features()));
        return out;
    }

    /** Hosts of both releases (a fleet in four of 10.0 hosts only), each model drawn in its release's view. */
    private static List<GcmHost> fleet(Map<String, RandomModels> random, java.util.Random pick, int n) {
        List<GcmHost> hosts = new ArrayList<>();
        boolean only10 = pick.nextInt(4) == 0;
        for (int i = 0; i < n; i++) {
            String release = only10 || pick.nextInt(3) > 0 ? QemuOracle.QEMU_10_0 : QemuOracle.QEMU_7_2;
            CpuModelInfo info = random.get(release).model();
            Optional<CpuModel> model = ORACLES.ours(release).resolve(info);
            if (model.isEmpty()) {
                i--;
                continue;
            }
            hosts.add(new GcmHost("h" + i + "@" + release, model.get(), Optional.empty(),
                    Optional.of(ORACLES.get(release).qemuVersion())));
        }
        return hosts;
    }
}
