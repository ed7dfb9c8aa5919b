package dev.gcm.facilitydb.gcm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcCheck;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GcmTest {

    private static final GcmOptions STRICT = new GcmOptions(true, false);

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
    void disjointIbcRangesConflictOnlyWithStrictIbc() {
        List<GcmHost> hosts = List.of(
                new GcmHost("new", model("gen15a", Map.of()), range("0x051", "0x051")),
                new GcmHost("old", model("z14", Map.of()), range("0x031", "0x041")));
        GcmConflict c = Gcm.compute(catalog, hosts, STRICT).conflicts().get(0);
        assertThat(c.code()).isEqualTo(GcmConflict.Code.IBC_RANGES_DISJOINT);
        assertThat(c.hosts()).containsExactly("new", "old");
        assertThat(c.message()).contains("strict IBC");
        CpuModel raised = Gcm.compute(catalog, hosts).model().orElseThrow();
        assertThat(raised.definition().name()).as("z14 runs on 'new' with its IBC raised to 0x051").isEqualTo("z14");
        assertThat(IbcCheck.of(raised.ibc(), hosts.get(0).ibcRange().orElseThrow(), false)).isEqualTo(IbcCheck.RAISED);
    }

    @Test
    void aDefinitionBelowSomeHostsLowestIbcConflictsOnlyWithStrictIbc() {
        List<GcmHost> hosts = List.of(
                new GcmHost("strict", model("gen15a", Map.of()), range("0x041", "0x051")),
                new GcmHost("old", model("z13", Map.of())));
        GcmConflict c = Gcm.compute(catalog, hosts, STRICT).conflicts().get(0);
        assertThat(c.code()).isEqualTo(GcmConflict.Code.IBC_BELOW_LOWEST);
        assertThat(c.hosts()).containsExactly("strict");
        assertThat(Gcm.compute(catalog, hosts).model().orElseThrow().definition().name()).isEqualTo("z13");
    }

    @Test
    void theGcmNeverExceedsAnyHostsUnblockedIbcStrictOrNot() {
        List<GcmHost> hosts = List.of(
                new GcmHost("a", model("gen16a", Map.of()), range("0x031", "0x071")),
                new GcmHost("b", model("gen16a", Map.of()), range("0x031", "0x051")));
        for (GcmOptions o : List.of(GcmOptions.DEFAULT, STRICT)) {
            CpuModel m = Gcm.compute(catalog, hosts, o).model().orElseThrow();
            assertThat(m.definition().name()).isEqualTo("gen15a");
            hosts.forEach(h -> assertThat(IbcCheck.of(m.ibc(), h.ibcRange().orElseThrow(), o.strictIbc()))
                    .isEqualTo(IbcCheck.NONE));
        }
    }

    @Test
    void ibcCheckFollowsDesignSectionThree() {
        IbcRange range = range("0x031", "0x051");
        assertThat(IbcCheck.of(Ibc.parse("0x041"), range, true)).isEqualTo(IbcCheck.NONE);
        assertThat(IbcCheck.of(Ibc.parse("0x021"), range, false)).isEqualTo(IbcCheck.RAISED);
        assertThat(IbcCheck.of(Ibc.parse("0x021"), range, true)).isEqualTo(IbcCheck.BELOW_LOWEST);
        assertThat(IbcCheck.of(Ibc.parse("0x061"), range, false)).isEqualTo(IbcCheck.ABOVE_UNBLOCKED);
        assertThat(IbcCheck.RAISED.rejects()).isFalse();
        assertThat(IbcCheck.BELOW_LOWEST.rejects()).isTrue();
        assertThat(IbcCheck.RAISED.describe(Ibc.parse("0x021"), range)).contains("raises it to 0x031");
    }

    @Test
    void deprecatedFeaturesOffLeavesThemOutAndNamesThemFirst() {
        List<GcmHost> hosts = List.of(new GcmHost("z14", model("z14", Map.of())),
                new GcmHost("gen15", model("gen15a", Map.of())));
        CpuModel kept = Gcm.compute(catalog, hosts).model().orElseThrow();
        assertThat(catalog.names(kept.features())).contains("te", "cte").doesNotContain("csske", "bpb");
        CpuModel off = Gcm.compute(catalog, hosts, new GcmOptions(false, true)).model().orElseThrow();
        assertThat(off.definition()).isEqualTo(kept.definition());
        assertThat(catalog.names(off.features())).doesNotContain("te", "cte", "csske", "bpb");
        assertThat(kept.features().andNot(off.features())).isEqualTo(catalog.featureSet(List.of("te", "cte")));

        GcmLimits.Limit gen15 = GcmLimits.of(catalog, hosts, kept).stream().filter(l -> l.host().equals("gen15"))
                .findFirst().orElseThrow();
        assertThat(gen15.removes().subList(0, 2)).containsExactly("csske", "bpb");
        assertThat(gen15.deprecated()).containsExactly("csske", "bpb");
        assertThat(GcmLimits.of(catalog, hosts, off, new GcmOptions(false, true)))
                .allSatisfy(l -> assertThat(l.deprecated()).isEmpty());
        String why = Deprecation.describe(catalog, catalog.featureSet(List.of("csske", "bpb", "vx")));
        assertThat(why).isEqualTo("the deprecated csske, bpb (csske and bpb are deprecated (QEMU 9.1 and later);"
                + " gen15 and later dropped csske and bpb; a pool with deprecatedFeatures: off does not depend on them)"
                + " and vx");
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
