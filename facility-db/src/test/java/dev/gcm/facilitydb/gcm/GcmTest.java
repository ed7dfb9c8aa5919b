package dev.gcm.facilitydb.gcm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GcmTest {

    private final Catalog catalog = Catalog.load();
    private final ModelResolver resolver = new ModelResolver(catalog);

    private CpuModel model(String name, Map<String, Boolean> props) {
        return resolver.resolve(new CpuModelInfo(name, props));
    }

    private static IbcRange range(String lowest, String unblocked) {
        return new IbcRange(Ibc.parse(lowest), Ibc.parse(unblocked));
    }

    @Test
    void theOldestGenerationCapsTheDefinition() {
        GcmResult r = Gcm.compute(catalog, List.of(
                new GcmHost("a", model("gen16a", Map.of())),
                new GcmHost("b", model("z14", Map.of())),
                new GcmHost("c", model("gen15a", Map.of()))));
        assertThat(r.model().orElseThrow().definition().name()).isEqualTo("z14");
        assertThat(r.hostCount()).isEqualTo(3);
    }

    @Test
    void mixedMachineTypesOfOneGenerationTakeTheLastCompatibleDefinition() {
        GcmResult r = Gcm.ofModels(catalog, List.of(model("z13", Map.of()), model("z13s", Map.of())));
        assertThat(r.model().orElseThrow().definition().name()).isEqualTo("z13");
    }

    @Test
    void z14Zr1HostsGetTheZ14NameAsQemuGivesIt() {
        // QEMU's search meets z14.2 (GA2) before z14ZR1 (GA1) and stops; both share GEN14_GA1 lists.
        CpuModel zr1 = model("z14ZR1", Map.of());
        CpuModel gcm = Gcm.ofModels(catalog, List.of(zr1, zr1)).model().orElseThrow();
        assertThat(gcm.definition().name()).isEqualTo("z14");
        assertThat(gcm.features()).isEqualTo(zr1.features());
    }

    @Test
    void noCommonModelNamesTheHostsAndMissingBaseFeatures() {
        GcmResult r = Gcm.compute(catalog, List.of(
                new GcmHost("good", model("z14", Map.of())),
                new GcmHost("broken", model("z14", Map.of("zarch", false)))));
        assertThat(r.hasCommonModel()).isFalse();
        GcmConflict c = r.conflicts().get(0);
        assertThat(c.code()).isEqualTo(GcmConflict.Code.MISSING_BASE_FEATURES);
        assertThat(c.hosts()).containsExactly("broken");
        assertThat(c.features()).containsExactly("zarch");
        assertThat(r.summary()).contains("zarch").contains("broken");
    }

    @Test
    void noHostsIsNoCommonModel() {
        assertThat(Gcm.compute(catalog, List.of()).conflicts().get(0).code()).isEqualTo(GcmConflict.Code.NO_HOSTS);
    }

    @Test
    void theSmallestUnblockedIbcLowersTheDefinition() {
        GcmResult r = Gcm.compute(catalog, List.of(
                new GcmHost("a", model("gen15a", Map.of()), range("0x031", "0x051")),
                new GcmHost("b", model("gen15a", Map.of()), range("0x031", "0x042"))));
        CpuModel m = r.model().orElseThrow();
        assertThat(m.definition().ibc()).isEqualTo(Ibc.parse("0x042"));
        assertThat(m.definition().name()).isEqualTo("z14.2");
    }

    @Test
    void disjointIbcRangesConflict() {
        GcmResult r = Gcm.compute(catalog, List.of(
                new GcmHost("new", model("gen15a", Map.of()), range("0x051", "0x051")),
                new GcmHost("old", model("z14", Map.of()), range("0x031", "0x041"))));
        GcmConflict c = r.conflicts().get(0);
        assertThat(c.code()).isEqualTo(GcmConflict.Code.IBC_RANGES_DISJOINT);
        assertThat(c.hosts()).containsExactly("new", "old");
    }

    @Test
    void aDefinitionBelowSomeHostsLowestIbcConflicts() {
        GcmResult r = Gcm.compute(catalog, List.of(
                new GcmHost("strict", model("gen15a", Map.of()), range("0x041", "0x051")),
                new GcmHost("old", model("z13", Map.of()))));
        GcmConflict c = r.conflicts().get(0);
        assertThat(c.code()).isEqualTo(GcmConflict.Code.IBC_BELOW_LOWEST);
        assertThat(c.hosts()).containsExactly("strict");
    }

    @Test
    void limitsNameTheHostsThatRemoveFeaturesOrCapTheGeneration() {
        List<GcmHost> hosts = List.of(
                new GcmHost("full", model("z14", Map.of())),
                new GcmHost("novx", model("z14", Map.of("vx", false))),
                new GcmHost("older", model("z13", Map.of())),
                new GcmHost("newer", model("gen15a", Map.of())));
        CpuModel result = Gcm.compute(catalog, hosts).model().orElseThrow();
        List<GcmLimits.Limit> limits = GcmLimits.of(catalog, hosts, result);
        assertThat(limits).extracting(GcmLimits.Limit::host).contains("novx", "older").doesNotContain("full");
        GcmLimits.Limit newer = limits.stream().filter(l -> l.host().equals("newer")).findFirst().orElseThrow();
        assertThat(newer.capsGeneration()).isFalse();
        assertThat(newer.removes()).as("gen15a dropped csske from its sets").contains("csske");
        GcmLimits.Limit novx = limits.stream().filter(l -> l.host().equals("novx")).findFirst().orElseThrow();
        assertThat(novx.removes()).contains("vx");
        assertThat(novx.capsGeneration()).isFalse();
        GcmLimits.Limit older = limits.stream().filter(l -> l.host().equals("older")).findFirst().orElseThrow();
        assertThat(older.capsGeneration()).isTrue();
    }

    @Test
    void limitsNameTheHostWhoseUnblockedIbcForcesAnOlderDefinition() {
        List<GcmHost> hosts = List.of(
                new GcmHost("a", model("gen15a", Map.of()), Optional.of(new IbcRange(Ibc.parse("0x001"), Ibc.parse("0x051")))),
                new GcmHost("capped", model("gen15a", Map.of()),
                        Optional.of(new IbcRange(Ibc.parse("0x001"), Ibc.parse("0x041")))));
        CpuModel result = Gcm.compute(catalog, hosts).model().orElseThrow();
        assertThat(result.ibc().compareTo(Ibc.parse("0x041"))).isLessThanOrEqualTo(0);
        List<GcmLimits.Limit> limits = GcmLimits.of(catalog, hosts, result);
        assertThat(limits).extracting(GcmLimits.Limit::host).containsExactly("capped");
        assertThat(limits.get(0).capsIbc()).isTrue();
        assertThat(limits.get(0).capsGeneration()).isFalse();

        List<GcmHost> roomy = List.of(hosts.get(0), new GcmHost("wide", model("gen15a", Map.of()),
                Optional.of(new IbcRange(Ibc.parse("0x001"), Ibc.parse("0x061")))));
        CpuModel free = Gcm.compute(catalog, roomy).model().orElseThrow();
        assertThat(GcmLimits.of(catalog, roomy, free)).noneMatch(GcmLimits.Limit::capsIbc);
    }
}
