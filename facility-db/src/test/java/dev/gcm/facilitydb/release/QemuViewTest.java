package dev.gcm.facilitydb.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import java.util.List;
import org.junit.jupiter.api.Test;

class QemuViewTest {

    private static final Catalog NEWEST = Catalog.load();

    private static QemuVersion v(String text) {
        return QemuVersion.parse(text);
    }

    @Test
    void theOldestReleaseGivesTheView() {
        QemuView view = QemuView.oldestOf(NEWEST, List.of(v("10.0.2"), v("7.2.22"), v("9.2")));
        assertThat(view.release()).isEqualTo(v("7.2"));
        assertThat(view.catalog().definitions()).hasSize(38);
        assertThat(view.toString()).isEqualTo("QEMU 7.2");
        assertThat(QemuView.oldestOf(NEWEST, List.of()).catalog()).isSameAs(NEWEST);
    }

    @Test
    void aHostOfANewerReleaseIsSeenAsTheOlderReleaseFindsIt() {
        QemuView qemu72 = QemuView.of(NEWEST, v("7.2"));
        CpuModel gen17a = new ModelResolver(NEWEST).resolve(CpuModelInfo.named("gen17a"));
        CpuModel seen = qemu72.reduce(gen17a);
        assertThat(seen.definition().name()).isEqualTo("gen16b");
        assertThat(seen.features().andNot(qemu72.catalog().knownFeatures()).isEmpty()).isTrue();
        assertThat(qemu72.unknownFeatures(gen17a.features()).isEmpty()).isFalse();
        // what QEMU 7.2 accepts: its static form resolves there to the same model
        CpuModel z14 = new ModelResolver(NEWEST).resolve(CpuModelInfo.named("z14"));
        assertThat(qemu72.reduce(z14)).isEqualTo(new ModelResolver(qemu72.catalog()).resolve(CpuModelInfo.named("z14")));
    }

    @Test
    void machineTypesAreKnownPerRelease() {
        QemuView qemu72 = QemuView.of(NEWEST, v("7.2.22"));
        assertThat(qemu72.machineTypeSupport("s390-ccw-virtio-7.2")).isEqualTo(MachineTypeSupport.KNOWN);
        assertThat(qemu72.machineTypeSupport("s390-ccw-virtio-2.4")).isEqualTo(MachineTypeSupport.KNOWN);
        assertThat(qemu72.machineTypeSupport("s390-ccw-virtio-10.0")).isEqualTo(MachineTypeSupport.UNKNOWN);
        assertThat(qemu72.machineTypeSupport("s390-ccw-virtio")).isEqualTo(MachineTypeSupport.KNOWN);
        assertThat(qemu72.machineTypeSupport("pc-q35-7.2")).isEqualTo(MachineTypeSupport.UNKNOWN);
        QemuView qemu10 = QemuView.of(NEWEST, v("10.0"));
        assertThat(qemu10.machineTypeSupport("s390-ccw-virtio-2.4")).isEqualTo(MachineTypeSupport.UNKNOWN);
        assertThat(qemu10.machineTypes().orElseThrow()).endsWith("s390-ccw-virtio-10.0");
        QemuView unseen = QemuView.of(NEWEST, v("8.2.1"));
        assertThat(unseen.machineTypes()).isEmpty();
        assertThat(unseen.machineTypeSupport("s390-ccw-virtio-8.2")).isEqualTo(MachineTypeSupport.KNOWN);
        assertThat(unseen.machineTypeSupport("s390-ccw-virtio-9.0")).isEqualTo(MachineTypeSupport.UNKNOWN);
        assertThat(unseen.machineTypeSupport("s390-ccw-virtio-6.0")).isEqualTo(MachineTypeSupport.UNCERTAIN);
    }

    @Test
    void definitionNamesAreWhatQueryCpuDefinitionsLists() {
        List<String> names = QemuView.of(NEWEST, v("7.2")).definitionNames();
        assertThat(names).hasSize(76).contains("z14", "z14-base", "gen16b-base").doesNotContain("gen17a", "qemu");
    }
}
