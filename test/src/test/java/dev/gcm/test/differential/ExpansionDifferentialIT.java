package dev.gcm.test.differential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.test.support.Ours;
import dev.gcm.test.support.QemuOracle;
import dev.gcm.test.support.RandomModels;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Static and full expansion against the real QEMU. */
class ExpansionDifferentialIT {

    private static final long SEED = Long.getLong("gcm.seed", 20261122L);
    private static QemuOracle qemu;
    private static Ours ours;

    @BeforeAll
    static void startQemu() throws Exception {
        qemu = QemuOracle.start();
        ours = new Ours(Ours.versionOf(qemu.version()));
    }

    @AfterAll
    static void stopQemu() {
        if (qemu != null) {
            qemu.close();
        }
    }

    @Test
    void knowsExactlyTheDefinitionsQemuKnows() {
        Set<String> qemuNames = new HashSet<>();
        for (JsonNode d : qemu.definitions()) {
            qemuNames.add(d.get("name").asText());
        }
        Set<String> ourNames = new HashSet<>(Set.of("qemu", "max"));
        for (CpuDefinition d : ours.catalog().definitions()) {
            ourNames.add(d.name());
            ourNames.add(d.staticName());
        }
        assertThat(ourNames).isEqualTo(qemuNames);
    }

    @Test
    void expandsEveryDefinitionAsQemuDoes() {
        int checked = 0;
        for (CpuDefinition d : ours.catalog().definitions()) {
            for (String name : new String[] {d.name(), d.staticName()}) {
                for (Expansion.Type type : Expansion.Type.values()) {
                    assertSameExpansion(CpuModelInfo.named(name), type, "definition " + name);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(ours.catalog().definitions().size() * 4);
    }

    @Test
    void expandsRandomModelsAsQemuDoes() {
        RandomModels random = new RandomModels(ours.catalog(), SEED);
        int refusedByBoth = 0;
        for (int i = 0; i < 400; i++) {
            CpuModelInfo model = random.model();
            Expansion.Type type = i % 2 == 0 ? Expansion.Type.STATIC : Expansion.Type.FULL;
            if (assertSameExpansion(model, type, "seed " + SEED + ", model #" + i)) {
                refusedByBoth++;
            }
        }
        assertThat(refusedByBoth).as("random models should mostly be valid").isLessThan(200);
    }

    /** Returns true when both refused the model. */
    private static boolean assertSameExpansion(CpuModelInfo model, Expansion.Type type, String what) {
        Optional<CpuModelInfo> theirs = qemu.expand(model, type.name().toLowerCase());
        Optional<CpuModelInfo> mine = ours.expand(model, type);
        String context = what + " " + type + " expansion of " + model;
        assertThat(mine.isPresent()).as(context + ": accepted by us vs QEMU").isEqualTo(theirs.isPresent());
        if (theirs.isEmpty()) {
            return true;
        }
        assertThat(mine.get().name()).as(context).isEqualTo(theirs.get().name());
        assertThat(mine.get().props()).as(context).isEqualTo(theirs.get().props());
        return false;
    }
}
