package dev.gcm.test.differential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.test.support.EveryQemuRelease;
import dev.gcm.test.support.Ours;
import dev.gcm.test.support.QemuOracle;
import dev.gcm.test.support.RandomModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** query-cpu-model-comparison against every real QEMU release: result and responsible properties, in order. */
class ComparisonDifferentialIT extends OracleTest {

    private static final long SEED = Long.getLong("gcm.seed", 20261122L) + 1;

    @EveryQemuRelease
    void comparesRandomPairsAsQemuDoes(String release) {
        QemuOracle qemu = ORACLES.get(release);
        Ours ours = ORACLES.ours(release);
        RandomModels random = new RandomModels(ours.catalog(), SEED);
        int compared = 0;
        for (int i = 0; i < 600; i++) {
            CpuModelInfo a = random.model();
            // one pair in four is a model against a variant of its own definition
            CpuModelInfo b = i % 4 == 0 ? random.model(ours.resolve(a).map(m -> m.definition())
                    .orElse(random.anyDefinition())) : random.model();
            String context = "QEMU " + release + ", seed " + SEED + " (-Dgcm.seed=" + (SEED - 1) + "), pair #" + i
                    + ": " + a + " vs " + b;
            Optional<JsonNode> theirs = qemu.compare(a, b);
            Optional<Comparison.Result> mine = ours.compare(a, b);
            assertThat(mine.isPresent()).as(context).isEqualTo(theirs.isPresent());
            if (theirs.isPresent()) {
                List<String> props = new ArrayList<>();
                theirs.get().get("responsible-properties").forEach(p -> props.add(p.asText()));
                assertThat(mine.get().result().qemuName()).as(context).isEqualTo(theirs.get().get("result").asText());
                assertThat(mine.get().responsibleProperties()).as(context).isEqualTo(props);
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(500);
    }
}
