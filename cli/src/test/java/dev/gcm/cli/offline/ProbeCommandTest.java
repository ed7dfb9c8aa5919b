package dev.gcm.cli.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.cli.CliRun;
import dev.gcm.cli.ExitCodes;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.hypervisor.record.HostRecordValidator;
import dev.gcm.hypervisor.record.ResolvedHost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeCommandTest {

    private static final Catalog CATALOG = Catalog.load();

    private static ResolvedHost record(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        HostRecord r = HostRecordJson.read(run.out().getBytes(StandardCharsets.UTF_8));
        return new HostRecordValidator(CATALOG).validate(r);
    }

    @Test
    void printsTheRecordOfASimulatedHost() {
        ResolvedHost r = record(CliRun.of("probe", "--hypervisor", "simulated", "--model", "gen15a",
                "--host-id", "h1", "--mask", "vxeh2,deflate-base", "--ibc", "0x031:0x051"));
        assertThat(r.record().hostId()).isEqualTo("h1");
        assertThat(r.record().hypervisor().kind()).isEqualTo("simulated");
        assertThat(r.hostModel().definition().name()).isEqualTo("gen15a");
        assertThat(CATALOG.names(r.hostModel().features())).doesNotContain("vxeh2", "deflate-base").contains("vx");
        assertThat(r.ibcRange().orElseThrow().lowest().value()).isEqualTo(0x031);
    }

    @Test
    void readsCpuinfoAndSysinfoFromADirectory(@TempDir Path proc) throws Exception {
        var z13 = CATALOG.definition("z13").orElseThrow();
        Files.writeString(proc.resolve("cpuinfo"), "vendor_id       : IBM/S390\n"
                + CATALOG.facilityList(z13.defaults()).toCpuinfoLine() + "\n"
                + "processor 0: version = 00,  identification = 0A2C47,  machine = 2964\n");
        ResolvedHost r = record(CliRun.of("probe", "--hypervisor", "cpuinfo", "--proc", proc.toString()));
        assertThat(r.record().machine().machineType()).isEqualTo("2964");
        assertThat(r.hostModel().definition().generation()).isEqualTo(13);
        assertThat(r.record().facilities().hard()).contains(129);
    }

    @Test
    void badOptionsExitTwoAndAProbeThatCannotRunExitsOne() {
        CliRun unknown = CliRun.of("probe", "--hypervisor", "simulated", "--model", "z99");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("unknown CPU definition: z99");
        CliRun mask = CliRun.of("probe", "--hypervisor", "simulated", "--mask", "warp");
        assertThat(mask.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(mask.err()).contains("unknown feature: warp");
        assertThat(CliRun.of("probe", "--hypervisor", "simulated", "--ibc", "0x051:0x031").err())
                .contains("lowest 0x051 is above unblocked 0x031");
        assertThat(CliRun.of("probe", "--hypervisor", "hyperv").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun noCpuinfo = CliRun.of("probe", "--hypervisor", "cpuinfo", "--proc", "/nonexistent");
        assertThat(noCpuinfo.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(noCpuinfo.err()).startsWith("gcm: probe failed:");
    }

    @Test
    void tableIsForPeople() {
        CliRun run = CliRun.of("probe", "--hypervisor", "simulated", "--model", "z14", "-o", "table");
        assertThat(run.out()).contains("Host model:  z14").contains("IBC range:").contains("QEMU -cpu:   z14-base");
    }
}
