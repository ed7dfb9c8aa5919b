package dev.gcm.test.differential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.test.support.EveryQemuRelease;
import dev.gcm.test.support.Ours;
import dev.gcm.test.support.RandomModels;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Static and full expansion against every real QEMU release, each in its own view. */
class ExpansionDifferentialIT extends OracleTest {

    private static final long SEED = Long.getLong("gcm.seed", 20261122L);

    @EveryQemuRelease
    void knowsExactlyTheDefinitionsQemuKnows(String release) {
        Set<String> qemuNames = new HashSet<>();
        for (JsonNode d : ORACLES.get(release).definitions()) {
            qemuNames.add(d.get("name").asText());
        }
        Set<String> ourNames = new HashSet<>(Set.of("qemu", "max"));
        for (CpuDefinition d : ORACLES.ours(release).catalog().definitions()) {
            ourNames.add(d.name());
            ourNames.add(d.staticName());
        }
        assertThat(ourNames).isEqualTo(qemuNames);
    }

    @EveryQemuRelease
    void expandsEveryDefinitionAsQemuDoes(String release) {
        Ours ours = ORACLES.ours(release);
        int checked = 0;
        for (CpuDefinition d : ours.catalog().definitions()) {
            for (String name : new String[] {d.name(), d.staticName()}) {
                for (Expansion.Type type : Expansion.Type.values()) {
                    assertSameExpansion(release, CpuModelInfo.named(name), type, "definition " + name);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(ours.catalog().definitions().size() * 4);
    }

    @EveryQemuRelease
    void expandsRandomModelsAsQemuDoes(String release) {
        RandomModels random = new RandomModels(ORACLES.ours(release).catalog(), SEED);
        int refusedByBoth = 0;
        for (int i = 0; i < 400; i++) {
            CpuModelInfo model = random.model();
            Expansion.Type type = i % 2 == 0 ? Expansion.Type.STATIC : Expansion.Type.FULL;
            if (assertSameExpansion(release, model, type, "seed " + SEED + " (-Dgcm.seed=" + SEED + "), model #" + i)) {
                refusedByBoth++;
            }
        }
        assertThat(refusedByBoth).as("random models should mostly be valid").isLessThan(200);
    }

    /** Returns true when both refused the model. */
    private static boolean assertSameExpansion(String release, CpuModelInfo model, Expansion.Type type, String what) {
        Optional<CpuModelInfo> theirs = ORACLES.get(release).expand(model, type.name().toLowerCase(Locale.ROOT));
        Optional<CpuModelInfo> mine = ORACLES.ours(release).expand(model, type);
        String context = "QEMU " + release + ": " + what + " " + type + " expansion of " + model;
        assertThat(mine.isPresent()).as(context + ": accepted by us vs QEMU").isEqualTo(theirs.isPresent());
        if (theirs.isEmpty()) {
            return true;
        }
        assertThat(mine.get().name()).as(context).isEqualTo(theirs.get().name());
        assertThat(mine.get().props()).as(context).isEqualTo(theirs.get().props());
        return false;
    }
}
