package dev.gcm.facilitydb.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gcm.facilitydb.model.Ibc;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private final Catalog catalog = Catalog.load();

    @Test
    void holdsEveryDefinitionFeatureAndGroup() {
        assertThat(catalog.definitions()).hasSize(40);
        assertThat(catalog.features()).hasSize(394);
        assertThat(catalog.groups()).hasSize(27);
        assertThat(catalog.definitions().get(0).name()).isEqualTo("z900");
        assertThat(catalog.definitions().get(39).name()).isEqualTo("gen17b");
    }

    @Test
    void bitNumbersAreUniqueWithinAKind() {
        Set<String> seen = new HashSet<>();
        for (Feature f : catalog.features()) {
            if (f.kind() != FeatureKind.MISC) {
                assertThat(seen.add(f.kind() + ":" + f.bit())).as(f.name()).isTrue();
            }
        }
    }

    @Test
    void baseIsWithinDefaultIsWithinFull() {
        for (CpuDefinition d : catalog.definitions()) {
            assertThat(d.defaults().containsAll(d.base())).as(d.name() + " default contains base").isTrue();
            assertThat(d.full().containsAll(d.defaults())).as(d.name() + " full contains default").isTrue();
        }
    }

    @Test
    void ibcFollowsTheFormula() {
        for (CpuDefinition d : catalog.definitions()) {
            assertThat(d.ibc()).as(d.name()).isEqualTo(Ibc.of(d.generation(), d.ga()));
        }
        assertThat(catalog.definition("z13.2").orElseThrow().ibc().value()).isEqualTo(0x032);
    }

    @Test
    void definitionsAreInReleaseOrder() {
        List<CpuDefinition> defs = catalog.definitions();
        for (int i = 1; i < defs.size(); i++) {
            CpuDefinition a = defs.get(i - 1);
            CpuDefinition b = defs.get(i);
            assertThat(b.generation()).as(a.name() + " before " + b.name()).isGreaterThanOrEqualTo(a.generation());
            if (a.machineType() == b.machineType()) {
                assertThat(b.ga()).as(a.name() + " before " + b.name()).isGreaterThan(a.ga());
            }
            assertThat(b.index()).isEqualTo(a.index() + 1);
        }
    }

    @Test
    void fullSetsGrowWithTheGeneration() {
        List<CpuDefinition> defs = catalog.definitions();
        for (int i = 1; i < defs.size(); i++) {
            if (defs.get(i - 1).isOlderThan(defs.get(i))) {
                assertThat(defs.get(i).full().containsAll(defs.get(i - 1).full()))
                        .as(defs.get(i).name() + " full covers " + defs.get(i - 1).name()).isTrue();
            }
        }
    }

    @Test
    void groupsNameOnlyKnownFeaturesAndAreNotEmpty() {
        for (FeatureGroup g : catalog.groups()) {
            assertThat(g.features().isEmpty()).as(g.name()).isFalse();
            assertThat(catalog.knownFeatures().containsAll(g.features())).isTrue();
        }
    }

    @Test
    void knowsIgnoredAndDeprecatedFeatures() {
        assertThat(catalog.names(catalog.ignoredBaseFeatures())).contains("csske", "km-dea", "klmd-sha-1").hasSize(12);
        assertThat(catalog.names(catalog.deprecatedFeatures())).containsExactlyInAnyOrder("csske", "cte", "te", "bpb");
    }

    @Test
    void recordsTheFirstQemuReleaseOfEachEntry() {
        assertThat(catalog.definition("gen17a").orElseThrow().sinceQemu()).isEqualTo(QemuVersion.parse("10.0"));
        assertThat(catalog.definition("z14").orElseThrow().sinceQemu()).isEqualTo(QemuVersion.parse("2.10"));
        assertThat(catalog.feature("vx").orElseThrow().sinceQemu()).isEqualTo(QemuVersion.parse("2.8"));
        assertThat(catalog.feature("appv").orElseThrow().sinceQemu()).isEqualTo(QemuVersion.parse("8.2"));
    }

    @Test
    void viewOfQemu72LeavesOutWhatCameLater() {
        Catalog old = catalog.forQemu(QemuVersion.parse("7.2.22"));
        assertThat(old.qemuVersion()).isEqualTo(QemuVersion.parse("7.2"));
        assertThat(old.features()).hasSize(312);
        assertThat(old.definitions()).hasSize(38);
        assertThat(old.groups()).hasSize(17);
        assertThat(old.feature("plo-ext")).isEmpty();
        assertThat(old.definition("gen16a").orElseThrow().full().containsAll(
                catalog.featureSet(List.of("appv")))).isFalse();
        assertThat(catalog.forQemu(QemuVersion.parse("11.0"))).isSameAs(catalog);
    }

    @Test
    void featureSetListsEveryUnknownName() {
        assertThatThrownBy(() -> catalog.featureSet(List.of("vx", "warp", "te", "hyperdrive")))
                .isInstanceOf(UnknownNamesException.class)
                .hasMessage("unknown features: warp, hyperdrive");
    }

    @Test
    void mapsFacilityBitsToStflFeatures() {
        assertThat(catalog.stflFeature(129).orElseThrow().name()).isEqualTo("vx");
        assertThat(catalog.stflFeature(2)).isEmpty();
    }

    @Test
    void deprecatedFeaturesAreThoseEachReleaseReports() {
        Catalog qemu72 = catalog.forQemu(QemuVersion.parse("7.2"));
        assertThat(qemu72.deprecatedFeatures().isEmpty()).as("QEMU 7.2 has no deprecated-props").isTrue();
        assertThat(qemu72.names(qemu72.deprecatedByAnyRelease())).containsExactlyInAnyOrder("csske", "cte", "te", "bpb");
        Catalog qemu10 = catalog.forQemu(QemuVersion.parse("10.0.2"));
        assertThat(qemu10.names(qemu10.deprecatedFeatures())).containsExactlyInAnyOrder("csske", "cte", "te", "bpb");
        assertThat(catalog.forQemu(QemuVersion.parse("9.0")).deprecatedFeatures().isEmpty()).isTrue();
        assertThat(catalog.feature("te").orElseThrow().deprecatedIn(QemuVersion.parse("9.1"))).isTrue();
    }

    @Test
    void knowsTheMachineTypesOfTheReleasesItHasSeen() {
        assertThat(catalog.releases()).extracting(r -> r.version().toString()).containsExactly("7.2.0", "10.0.0");
        QemuRelease r72 = catalog.release(QemuVersion.parse("7.2.22")).orElseThrow();
        assertThat(r72.machineTypes()).startsWith("s390-ccw-virtio-2.4").endsWith("s390-ccw-virtio-7.2").hasSize(23);
        assertThat(r72.defaultMachineType()).isEqualTo("s390-ccw-virtio-7.2");
        QemuRelease r10 = catalog.forQemu(QemuVersion.parse("7.2")).release(QemuVersion.parse("10.0.2")).orElseThrow();
        assertThat(r10.knowsMachineType("s390-ccw-virtio-2.8")).as("10.0 retired 2.4 to 2.8").isFalse();
        assertThat(r10.knowsMachineType("s390-ccw-virtio-10.0")).isTrue();
        assertThat(r10.knowsMachineType("s390-ccw-virtio")).isTrue();
        assertThat(r10.deprecatedMachineTypes()).contains("s390-ccw-virtio-2.9").doesNotContain("s390-ccw-virtio-7.1");
        assertThat(catalog.release(QemuVersion.parse("8.2"))).isEmpty();
    }

    @Test
    void releasesBeforeCpuModelsHaveNoView() {
        assertThatThrownBy(() -> catalog.forQemu(QemuVersion.parse("2.0")))
                .isInstanceOf(UnsupportedQemuException.class).hasMessageContaining("QEMU 2.0.0 has no s390x CPU models");
        assertThat(catalog.forQemu(QemuVersion.parse("2.8")).definitions()).isNotEmpty();
        assertThatThrownBy(() -> QemuVersion.parse("7.99999")).hasMessageContaining("not a QEMU version");
    }
}
