package dev.gcm.test.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.test.support.EveryQemuRelease;
import dev.gcm.test.support.Ours;
import dev.gcm.test.support.QemuOracle;
import dev.gcm.test.support.RandomModels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The n-way GCM against QEMU's pairwise baseline, on every real QEMU release in its view. For two hosts they
 * must agree exactly; for more, QEMU's left fold is computed over several orders of the fleet, and where those
 * orders agree our order-independent answer must equal theirs.
 */
class BaselineDifferentialIT extends OracleTest {

    private static final long SEED = Long.getLong("gcm.seed", 20261122L) + 2;
    private static final int FLEETS = Integer.getInteger("gcm.fleets", 500);

    @EveryQemuRelease
    void everyDefinitionWithItselfAndItsNeighbourEqualsQemuBaseline(String release) {
        QemuOracle qemu = ORACLES.get(release);
        Ours ours = ORACLES.ours(release);
        var defs = ours.catalog().definitions();
        for (int i = 0; i < defs.size(); i++) {
            for (String a : List.of(defs.get(i).name(), defs.get(i).staticName())) {
                String b = defs.get((i + 1) % defs.size()).name();
                for (List<CpuModelInfo> pair : List.of(List.of(CpuModelInfo.named(a), CpuModelInfo.named(a)),
                        List.of(CpuModelInfo.named(a), CpuModelInfo.named(b)))) {
                    assertThat(ours.gcm(pair)).as(pair.toString()).isEqualTo(qemu.baseline(pair.get(0), pair.get(1)));
                }
            }
        }
    }

    @EveryQemuRelease
    void gcmOfRandomFleetsEqualsQemuBaseline(String release) {
        QemuOracle qemu = ORACLES.get(release);
        Ours ours = ORACLES.ours(release);
        RandomModels random = new RandomModels(ours.catalog(), SEED);
        int pairs = 0;
        int folds = 0;
        int orderDependent = 0;
        int noCommonModel = 0;
        for (int f = 0; f < FLEETS; f++) {
            int n = fleetSize(random, f);
            List<CpuModelInfo> fleet = random.fleet(n);
            String context = "QEMU " + release + ", seed " + SEED + " (-Dgcm.seed=" + (SEED - 2) + "), fleet #" + f + " (" + n + " hosts): "
                    + CpuModelInfoJson.mapper().valueToTree(fleet.stream().map(CpuModelInfoJson::write).toList());
            Optional<CpuModelInfo> mine = ours.gcm(fleet);
            Set<Optional<CpuModelInfo>> answers = new HashSet<>();
            for (List<CpuModelInfo> order : orders(fleet, random)) {
                answers.add(qemu.fold(order));
            }
            if (answers.size() > 1) {
                orderDependent++;
                continue;
            }
            Optional<CpuModelInfo> theirs = answers.iterator().next();
            assertThat(mine.isPresent()).as(context + " -> QEMU " + theirs).isEqualTo(theirs.isPresent());
            if (theirs.isEmpty()) {
                noCommonModel++;
                continue;
            }
            assertThat(mine.get().name()).as(context).isEqualTo(theirs.get().name());
            assertThat(mine.get().props()).as(context).isEqualTo(theirs.get().props());
            if (n == 2) {
                pairs++;
            } else {
                folds++;
            }
        }
        System.out.printf("baseline differential, QEMU " + release + ": %d pairs, %d larger fleets equal, %d order-dependent folds"
                + " skipped, %d without a common model (agreed)%n", pairs, folds, orderDependent, noCommonModel);
        assertThat(pairs + folds + noCommonModel).isGreaterThanOrEqualTo(FLEETS * 9 / 10);
        assertThat(noCommonModel).as("some fleets must have no common model").isPositive();
    }

    private static int fleetSize(RandomModels random, int f) {
        if (f % 3 == 0) {
            return 2;
        }
        if (f % 50 == 1) {
            return 200 + random.random().nextInt(101);
        }
        return 3 + random.random().nextInt(random.random().nextBoolean() ? 8 : 60);
    }

    /** The fleet as given, reversed, and (for small fleets) shuffled once more. */
    private static List<List<CpuModelInfo>> orders(List<CpuModelInfo> fleet, RandomModels random) {
        List<List<CpuModelInfo>> orders = new ArrayList<>();
        orders.add(fleet);
        if (fleet.size() > 2) {
            List<CpuModelInfo> reversed = new ArrayList<>(fleet);
            Collections.reverse(reversed);
            orders.add(reversed);
            if (fleet.size() <= 60) {
                List<CpuModelInfo> shuffled = new ArrayList<>(fleet);
                Collections.shuffle(shuffled, random.random());
                orders.add(shuffled);
            }
        }
        return orders;
    }
}
