package dev.gcm.facilitydb.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Machine types and CPU model names as libvirt 9.0 lists them (fixtures captured from a real daemon). */
class LibvirtHostXmlTest {

    @Test
    void theMachineTypesOfOneArchitectureWithTheirCanonicalNames() {
        String caps = ModelFormsTest.resource("capabilities-s390x.xml");
        assertThat(LibvirtHostXml.machineTypes(caps, "s390x")).containsExactly("s390-ccw-virtio-7.2",
                "s390-ccw-virtio", "s390-ccw-virtio-4.0", "s390-ccw-virtio-5.2");
        assertThat(LibvirtHostXml.machineTypes(caps, "aarch64")).isEmpty();
    }

    @Test
    void theCpuModelNamesAndEmulatorOfTheDomainCapabilities() {
        String domcaps = ModelFormsTest.resource("domcaps-tcg-libvirt9.xml");
        assertThat(LibvirtHostXml.cpuModelNames(domcaps)).contains("z14", "z14-base", "gen16a", "qemu", "max")
                .doesNotHaveDuplicates();
        assertThat(LibvirtHostXml.emulatorPath(domcaps)).isEqualTo("/usr/bin/qemu-system-s390x");
    }

    @Test
    void otherDocumentsAreRefusedWithWhatWasExpected() {
        assertThatThrownBy(() -> LibvirtHostXml.machineTypes("<domain/>", "s390x")).isInstanceOf(FormException.class)
                .hasMessageContaining("<capabilities>");
        assertThatThrownBy(() -> LibvirtHostXml.cpuModelNames("<capabilities/>")).isInstanceOf(FormException.class)
                .hasMessageContaining("<domainCapabilities>");
        assertThatThrownBy(() -> LibvirtHostXml.machineTypes("<!DOCTYPE x [<!ENTITY a 'b'>]><capabilities/>", "s390x"))
                .isInstanceOf(FormException.class);
    }
}
