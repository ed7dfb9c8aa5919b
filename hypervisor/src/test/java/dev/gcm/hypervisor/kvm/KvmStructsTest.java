package dev.gcm.hypervisor.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.FacilityList;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layouts of the KVM structures, on byte fixtures written out by hand (big-endian, as on s390x). */
class KvmStructsTest {

    private static final Catalog CATALOG = Catalog.load();

    @Test
    void machineAttributeLayout() {
        byte[] bytes = new byte[KvmS390.MACHINE_SIZE];
        // cpuid 0x01 0F8B28 8561 8000
        byte[] cpuid = {0x01, 0x0f, (byte) 0x8b, 0x28, (byte) 0x85, 0x61, (byte) 0x80, 0x00};
        System.arraycopy(cpuid, 0, bytes, 0, 8);
        // ibc: lowest 0x031 in bits 16-27, unblocked 0x051 in bits 0-11
        bytes[8] = 0x00;
        bytes[9] = 0x31;
        bytes[10] = 0x00;
        bytes[11] = 0x51;
        bytes[16] = (byte) 0xc0;          // fac_mask: facilities 0 and 1
        bytes[16 + 16] = 0x40;            // fac_mask: facility 129 (vx): byte 16, bit 1
        bytes[16 + 2048] = (byte) 0x80;   // fac_list: facility 0
        MachineAttr m = MachineAttr.decode(bytes);
        assertThat(m.cpuid()).isEqualTo(0x010f8b2885618000L);
        assertThat(m.machineType()).isEqualTo(0x8561);
        assertThat(m.ibc()).isEqualTo(new IbcRange(Ibc.parse("0x031"), Ibc.parse("0x051")));
        assertThat(m.facMask()).isEqualTo(FacilityList.of(0, 1, 129));
        assertThat(m.facList()).isEqualTo(FacilityList.of(0));
        assertThat(m.encode()).isEqualTo(bytes);
    }

    @Test
    void processorAttributeLayout() {
        ProcessorAttr p = new ProcessorAttr(0x0123456789abcdefL, Ibc.parse("0x041"), FacilityList.of(7, 8));
        byte[] bytes = p.encode();
        assertThat(bytes).hasSize(KvmS390.PROCESSOR_SIZE);
        assertThat(bytes[8]).isEqualTo((byte) 0x00);
        assertThat(bytes[9]).isEqualTo((byte) 0x41);
        assertThat(bytes[16]).isEqualTo((byte) 0x01);
        assertThat(bytes[17]).isEqualTo((byte) 0x80);
        assertThat(ProcessorAttr.decode(bytes)).isEqualTo(p);
    }

    @Test
    void subfunctionBlocksSitAtTheirOffsets() {
        var set = CATALOG.featureSet(List.of("plo-cl", "ptff-qto", "kmac-dea", "sortl-sflr", "pfcr-qaf"));
        byte[] bytes = SubfunctionBlocks.encode(CATALOG, set);
        assertThat(bytes[0] & 0xff).isEqualTo(0x80);                       // PLO bit 0
        assertThat(bytes[32] & 0xff).isEqualTo(0x80 >> 1);                 // PTFF block at 32, bit 1 (qto)
        assertThat(bytes[48] & 0xff).isEqualTo(0x80 >> 1);                 // KMAC at 48, bit 1 (dea)
        int sortlBit = CATALOG.feature("sortl-sflr").orElseThrow().bit();
        assertThat(bytes[256 + sortlBit / 8] & (0x80 >> sortlBit % 8)).isNotZero();
        assertThat(bytes[320] & 0xff).isEqualTo(0x80);                     // PFCR at 320
        assertThat(SubfunctionBlocks.decode(CATALOG, bytes)).isEqualTo(set);
        assertThatThrownBy(() -> SubfunctionBlocks.decode(CATALOG, new byte[10])).hasMessageContaining("2048");
    }

    @Test
    void cpuFeatBitsUseKvmsNumbering() {
        var set = CATALOG.featureSet(List.of("esop", "sief2", "kss"));
        byte[] bytes = CpuFeatBits.encode(CATALOG, set);
        assertThat(bytes[0] & 0xff).isEqualTo(0xc0);  // esop 0, sief2 1
        assertThat(bytes[1] & 0xff).isEqualTo(0x04);  // kss 13
        assertThat(CpuFeatBits.decode(CATALOG, bytes)).isEqualTo(set);
    }
}
