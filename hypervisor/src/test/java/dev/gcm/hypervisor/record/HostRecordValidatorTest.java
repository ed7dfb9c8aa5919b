package dev.gcm.hypervisor.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class HostRecordValidatorTest {

    private static final HostRecordValidator VALIDATOR = new HostRecordValidator(Catalog.load());

    static HostRecord good() {
        return new HostRecord("gcm/v1", "HostRecord", "kvm-h1.example", Map.of("zone", "a"),
                new HostRecord.Machine("3906", "010f8b2839068000", new HostRecord.IbcRangeJson("0x031", "0x041")),
                new CpuModelInfo("z14-base", Map.of("vx", true)),
                new HostRecord.Facilities(List.of(0, 1, 2), List.of(), List.of(0, 1)),
                new HostRecord.HypervisorInfo("simulated", null, "6.1", null),
                List.of(new HostRecord.Guest("web1", CpuModelInfo.named("z13-base"))),
                Instant.parse("2026-11-22T03:00:00Z"), "0.1.0", "boot-1", 7);
    }

    private static List<String> violations(HostRecord r) {
        InvalidHostRecordException e = catchThrowableOfType(InvalidHostRecordException.class, () -> VALIDATOR.validate(r));
        assertThat(e).as("expected a violation").isNotNull();
        return e.violations().stream().map(InvalidHostRecordException.Violation::toString).toList();
    }

    private static HostRecord with(UnaryOperator<HostRecordBuilder> change) {
        return change.apply(new HostRecordBuilder(good())).build();
    }

    @Test
    void aGoodRecordResolves() {
        ResolvedHost r = VALIDATOR.validate(good());
        assertThat(r.hostModel().definition().name()).isEqualTo("z14");
        assertThat(r.ibcRange()).isPresent();
        assertThat(r.guestModels()).containsKey("web1");
        assertThat(r.toGcmHost().id()).isEqualTo("kvm-h1.example");
    }

    @Test
    void eachBadFieldIsNamed() {
        assertThat(violations(with(b -> b.machine(new HostRecord.Machine("9999", null, null)))))
                .containsExactly("$.machine.machineType: unknown machine type 9999");
        assertThat(violations(with(b -> b.machine(new HostRecord.Machine("3906", null,
                new HostRecord.IbcRangeJson("0x051", "0x031"))))))
                .containsExactly("$.machine.ibc: lowest 0x051 is above unblocked 0x031");
        assertThat(violations(with(b -> b.machine(new HostRecord.Machine("3906", null,
                new HostRecord.IbcRangeJson("0x1000", "0x031"))))).get(0))
                .startsWith("$.machine.ibc.lowest:").contains("outside 12 bits");
        assertThat(violations(with(b -> b.facilities(new HostRecord.Facilities(List.of(0, 16384), null, List.of(-1))))))
                .containsExactly("$.facilities.hard[1]: facility 16384 is outside 0..16383",
                        "$.facilities.mask[0]: facility -1 is outside 0..16383");
        Map<String, Boolean> props = new java.util.LinkedHashMap<>();
        props.put("warp", true);
        props.put("cloak", false);
        assertThat(violations(with(b -> b.hostModel(new CpuModelInfo("z14", props)))))
                .containsExactly("$.hostModel: unknown properties: warp, cloak");
        assertThat(violations(with(b -> b.hostModel(CpuModelInfo.named("z99")))))
                .containsExactly("$.hostModel: unknown CPU model: z99");
        assertThat(violations(with(b -> b.hostId("../etc")))).hasSize(1).allMatch(v -> v.startsWith("$.hostId"));
        assertThat(violations(with(b -> b.seq(-1)))).containsExactly("$.seq: must not be negative");
        assertThat(violations(with(b -> b.guests(List.of(new HostRecord.Guest("a", CpuModelInfo.named("z14")),
                new HostRecord.Guest("a", CpuModelInfo.named("z14")))))))
                .containsExactly("$.guests[1].name: guest 'a' appears twice");
    }

    @Test
    void modelsAreReadInTheViewOfTheRecordsOwnQemuRelease() {
        HostRecord.HypervisorInfo qemu72 = new HostRecord.HypervisorInfo("qemu-kvm", "7.2.22", null, "6.1", null, null);
        ResolvedHost ok = VALIDATOR.validate(with(b -> b.hypervisor(qemu72)));
        assertThat(ok.release().version()).contains(dev.gcm.facilitydb.catalog.QemuVersion.parse("7.2"));
        assertThat(ok.release().machineTypes().orElseThrow()).contains("s390-ccw-virtio-7.2")
                .doesNotContain("s390-ccw-virtio-10.0");
        assertThat(ok.toGcmHost().qemu()).isEqualTo(ok.release().version());
        assertThat(violations(with(b -> b.hypervisor(qemu72).hostModel(CpuModelInfo.named("gen17a-base")))))
                .singleElement().asString().startsWith("$.hostModel: unknown CPU model: gen17a").contains("QEMU 7.2");
        assertThat(violations(with(b -> b.hypervisor(qemu72).guests(List.of(
                new HostRecord.Guest("g", CpuModelInfo.named("gen17b")))))))
                .singleElement().asString().startsWith("$.guests[0].cpuModel:");
        assertThat(violations(with(b -> b.hypervisor(new HostRecord.HypervisorInfo("qemu-kvm", "7.2.0", "6.1",
                List.of("z13", "z13-base"))))))
                .containsExactly("$.hostModel.name: the host's QEMU does not list z14-base in hypervisor.cpuDefinitions");
        for (String bad : List.of("seven", "2.7.0", "7.99.0")) {
            assertThat(violations(with(b -> b.hypervisor(new HostRecord.HypervisorInfo("qemu-kvm", bad, "6.1", null)))))
                    .singleElement().asString().startsWith("$.hypervisor.qemuVersion:");
        }
    }

    @Test
    void guestIdentityAndMachineTypesAreChecked() {
        HostRecord.Guest good = new HostRecord.Guest("g1", "5b1e0c3a-0000-4000-8000-000000005390",
                CpuModelInfo.named("z13-base"), "s390-ccw-virtio-7.2");
        assertThat(VALIDATOR.validate(with(b -> b.guests(List.of(good)))).guestModels()).containsKey("g1");
        assertThat(violations(with(b -> b.guests(List.of(new HostRecord.Guest("g1", "not-a-uuid",
                CpuModelInfo.named("z13-base"), "pc-q35-7.2"))))))
                .containsExactly("$.guests[0].uuid: must be a UUID such as 5b1e0c3a-0000-4000-8000-000000005390",
                        "$.guests[0].machineType: must be a QEMU s390x machine type such as s390-ccw-virtio-7.2");
        assertThat(violations(with(b -> b.hypervisor(new HostRecord.HypervisorInfo("libvirt-tcg", "7.2.22", "9.0.0",
                "6.1", null, List.of("s390-ccw-virtio-7.2", "virt-7.2"))))))
                .containsExactly("$.hypervisor.machineTypes[1]: must be a QEMU s390x machine type such as"
                        + " s390-ccw-virtio-7.2");
    }

    @Test
    void allViolationsAreListedAtOnce() {
        HostRecord bad = with(b -> b.hostId("").seq(-3).machine(new HostRecord.Machine("xyz", null, null))
                .hostModel(CpuModelInfo.named("nope")));
        assertThat(violations(bad)).hasSize(4);
    }

    @Test
    void jsonNamesTheFieldAtFault() {
        String json = HostRecordJson.write(good());
        assertThat(HostRecordJson.read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(good());
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> HostRecordJson.read(
                json.replace("\"seq\":7", "\"seq\":\"7\"").getBytes(StandardCharsets.UTF_8))).getMessage())
                .startsWith("$.seq:");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> HostRecordJson.read(
                json.replace("\"hostId\"", "\"hostID\"").getBytes(StandardCharsets.UTF_8))).getMessage())
                .contains("unknown field 'hostID'");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> HostRecordJson.read(
                "{\"apiVersion\":".getBytes(StandardCharsets.UTF_8))).getMessage()).contains("malformed JSON");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> HostRecordJson.read(
                json.replace("\"vx\":true", "\"vx\":1").getBytes(StandardCharsets.UTF_8))).getMessage())
                .startsWith("$.hostModel.props.vx:");
    }

    /** Changes one field of a record at a time. */
    static final class HostRecordBuilder {
        private HostRecord r;

        HostRecordBuilder(HostRecord r) {
            this.r = r;
        }

        HostRecordBuilder hostId(String v) {
            r = r.withHostId(v);
            return this;
        }

        HostRecordBuilder machine(HostRecord.Machine v) {
            r = new HostRecord(r.apiVersion(), r.kind(), r.hostId(), r.labels(), v, r.hostModel(), r.facilities(),
                    r.hypervisor(), r.guests(), r.probeTime(), r.agentVersion(), r.bootId(), r.seq());
            return this;
        }

        HostRecordBuilder hostModel(CpuModelInfo v) {
            r = new HostRecord(r.apiVersion(), r.kind(), r.hostId(), r.labels(), r.machine(), v, r.facilities(),
                    r.hypervisor(), r.guests(), r.probeTime(), r.agentVersion(), r.bootId(), r.seq());
            return this;
        }

        HostRecordBuilder facilities(HostRecord.Facilities v) {
            r = new HostRecord(r.apiVersion(), r.kind(), r.hostId(), r.labels(), r.machine(), r.hostModel(), v,
                    r.hypervisor(), r.guests(), r.probeTime(), r.agentVersion(), r.bootId(), r.seq());
            return this;
        }

        HostRecordBuilder guests(List<HostRecord.Guest> v) {
            r = new HostRecord(r.apiVersion(), r.kind(), r.hostId(), r.labels(), r.machine(), r.hostModel(),
                    r.facilities(), r.hypervisor(), v, r.probeTime(), r.agentVersion(), r.bootId(), r.seq());
            return this;
        }

        HostRecordBuilder hypervisor(HostRecord.HypervisorInfo v) {
            r = new HostRecord(r.apiVersion(), r.kind(), r.hostId(), r.labels(), r.machine(), r.hostModel(),
                    r.facilities(), v, r.guests(), r.probeTime(), r.agentVersion(), r.bootId(), r.seq());
            return this;
        }

        HostRecordBuilder seq(long v) {
            r = r.withReport(r.bootId(), v, r.probeTime());
            return this;
        }

        HostRecord build() {
            return r;
        }
    }
}
