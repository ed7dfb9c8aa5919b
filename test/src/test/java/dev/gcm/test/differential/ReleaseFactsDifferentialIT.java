package dev.gcm.test.differential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.Feature;
import dev.gcm.facilitydb.catalog.FeatureGroup;
import dev.gcm.facilitydb.catalog.QemuRelease;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.release.MachineTypeSupport;
import dev.gcm.facilitydb.release.QemuView;
import dev.gcm.test.support.EveryQemuRelease;
import dev.gcm.test.support.QemuOracle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What each real QEMU release knows against the catalog's view of it: the first release of every feature and
 * group (the CPU's properties), the deprecated features it reports ({@code deprecated-props}, from 9.1), and
 * its machine types.
 */
class ReleaseFactsDifferentialIT extends OracleTest {

    /** CPU device properties that are not CPU model features. */
    private static final Set<String> DEVICE_PROPERTIES = Set.of("book-id", "core-id", "crash-information", "dedicated",
            "description", "drawer-id", "entitlement", "hotpluggable", "hotplugged", "legacy-memory", "memory",
            "migration-safe", "parent_bus", "realized", "socket-id", "start-powered-off", "static", "type");

    @EveryQemuRelease
    void knowsExactlyTheFeaturesAndGroupsQemuKnows(String release) {
        QemuOracle qemu = ORACLES.get(release);
        Catalog view = ORACLES.ours(release).catalog();
        Set<String> universe = new HashSet<>();
        Catalog.load().features().forEach(f -> universe.add(f.name()));
        Catalog.load().groups().forEach(g -> universe.add(g.name()));
        Set<String> theirs = new TreeSet<>();
        Set<String> strangers = new TreeSet<>();
        for (JsonNode p : qemu.cpuProperties(typename(qemu, "z900"))) {
            String name = p.get("name").asText();
            (universe.contains(name) ? theirs : strangers).add(name);
        }
        Set<String> ours = new TreeSet<>();
        view.features().stream().map(Feature::name).forEach(ours::add);
        view.groups().stream().map(FeatureGroup::name).forEach(ours::add);
        assertThat(ours).as("features and groups with sinceQemu <= " + release).isEqualTo(theirs);
        assertThat(DEVICE_PROPERTIES).as("QEMU " + release + " properties that are no feature we know").containsAll(strangers);
    }

    @EveryQemuRelease
    void reportsDeprecatedFeaturesAsTheViewSays(String release) {
        QemuOracle qemu = ORACLES.get(release);
        Catalog view = ORACLES.ours(release).catalog();
        int checked = 0;
        for (CpuDefinition d : view.definitions()) {
            for (String name : List.of(d.name(), d.staticName())) {
                CpuModel ours = ORACLES.ours(release).resolve(CpuModelInfo.named(name)).orElseThrow();
                JsonNode full = qemu.expansion(CpuModelInfo.named(name), "full").orElseThrow();
                JsonNode stat = qemu.expansion(CpuModelInfo.named(name), "static").orElseThrow();
                assertThat(names(full.get("deprecated-props"))).as(release + " full " + name)
                        .isEqualTo(sorted(view.names(view.deprecatedFeatures())));
                assertThat(names(stat.get("deprecated-props"))).as(release + " static " + name)
                        .isEqualTo(sorted(view.names(view.deprecatedFeatures().and(ours.features()))));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(view.definitions().size() * 2);
    }

    @EveryQemuRelease
    void knowsTheMachineTypesQemuKnows(String release) {
        QemuOracle qemu = ORACLES.get(release);
        QemuView view = QemuView.of(Catalog.load(), qemu.qemuVersion());
        QemuRelease facts = view.facts().orElseThrow(() -> new AssertionError("the catalog has not seen QEMU " + release
                + "; run facility-db/tools/probe_qemu_release.py"));
        List<String> all = new ArrayList<>();
        List<String> deprecated = new ArrayList<>();
        for (JsonNode m : qemu.machines()) {
            String name = m.get("name").asText();
            if (!name.equals("none")) {
                all.add(name);
                if (m.path("deprecated").asBoolean()) {
                    deprecated.add(name);
                }
                if (m.path("is-default").asBoolean()) {
                    assertThat(facts.defaultMachineType()).isEqualTo(name);
                }
                assertThat(view.machineTypeSupport(name)).as(name).isEqualTo(MachineTypeSupport.KNOWN);
            }
        }
        assertThat(sorted(all)).isEqualTo(sorted(facts.machineTypes()));
        assertThat(sorted(deprecated)).isEqualTo(sorted(facts.deprecatedMachineTypes()));
    }

    private static String typename(QemuOracle qemu, String model) {
        for (JsonNode d : qemu.definitions()) {
            if (d.get("name").asText().equals(model)) {
                return d.get("typename").asText();
            }
        }
        throw new AssertionError("QEMU lists no " + model);
    }

    /** The names of a JSON array; an absent array (QEMU before 9.1) is empty. */
    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return sorted(out);
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }
}
