package dev.gcm.facilitydb.gcm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.facilitydb.qemu.CompareResult;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.facilitydb.qemu.ModelResolver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The algebra of the GCM and of comparison, over seeded random models (jqwik reports failing input). */
class GcmPropertyTest {

    private static final Catalog CATALOG = Catalog.load();

    @Provide
    Arbitrary<CpuModel> models() {
        Arbitrary<CpuDefinition> defs = Arbitraries.of(CATALOG.definitions());
        Arbitrary<Long> seeds = Arbitraries.longs();
        Arbitrary<Boolean> named = Arbitraries.of(true, false);
        return Combinators.combine(defs, seeds, named).as((def, seed, isNamed) -> {
            Random r = new Random(seed);
            FeatureSet.Builder b = (isNamed ? def.defaults() : def.base()).toBuilder();
            FeatureSet essential = CATALOG.definitions().get(0).base();
            int[] optional = def.full().andNot(essential).toArray();
            for (int i = 0; i < r.nextInt(8) && optional.length > 0; i++) {
                int f = optional[r.nextInt(optional.length)];
                if (r.nextBoolean()) {
                    b.remove(f);
                } else {
                    b.add(f);
                }
            }
            return new CpuModel(def, b.build());
        });
    }

    @Provide
    Arbitrary<List<CpuModel>> fleets() {
        return models().list().ofMinSize(1).ofMaxSize(12);
    }

    @Property
    void gcmIsCommutative(@ForAll("fleets") List<CpuModel> fleet, @ForAll long seed) {
        List<CpuModel> shuffled = new ArrayList<>(fleet);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(Gcm.ofModels(CATALOG, shuffled).model()).isEqualTo(Gcm.ofModels(CATALOG, fleet).model());
    }

    @Property
    void gcmIsIdempotent(@ForAll("fleets") List<CpuModel> fleet) {
        List<CpuModel> twice = new ArrayList<>(fleet);
        twice.addAll(fleet);
        assertThat(Gcm.ofModels(CATALOG, twice).model()).isEqualTo(Gcm.ofModels(CATALOG, fleet).model());
        CpuModel any = fleet.get(0);
        assertThat(Gcm.ofModels(CATALOG, List.of(any, any)).model()).isEqualTo(Gcm.ofModels(CATALOG, List.of(any)).model());
    }

    /**
     * QEMU's model search may name a GCM by a definition it would not pick again (a z14ZR1 reached as
     * the last compatible definition is named z14 when searched for directly), so the GCM of the GCM
     * can differ in name, but never in features, and one step reaches a fixed point.
     */
    @Property
    void gcmOfTheGcmKeepsItsFeaturesAndIsAFixedPoint(@ForAll("fleets") List<CpuModel> fleet) {
        Gcm.ofModels(CATALOG, fleet).model().ifPresent(g -> {
            CpuModel again = Gcm.ofModels(CATALOG, List.of(g, g)).model().orElseThrow();
            assertThat(again.features()).isEqualTo(g.features());
            assertThat(again.definition().generation()).isEqualTo(g.definition().generation());
            assertThat(again.definition().ga()).isEqualTo(g.definition().ga());
            assertThat(Gcm.ofModels(CATALOG, List.of(again, again)).model()).contains(again);
            List<CpuModel> withItself = new ArrayList<>(fleet);
            withItself.add(g);
            assertThat(Gcm.ofModels(CATALOG, withItself).model().map(CpuModel::features)).contains(g.features());
        });
    }

    @Property
    void gcmRunsOnEveryHost(@ForAll("fleets") List<CpuModel> fleet) {
        Gcm.ofModels(CATALOG, fleet).model().ifPresent(g -> {
            for (CpuModel host : fleet) {
                assertThat(host.features().containsAll(g.features())).isTrue();
                assertThat(g.definition().isOlderThan(host.definition())
                        || !host.definition().isOlderThan(g.definition())).isTrue();
                assertThat(Comparison.compare(CATALOG, g, host).result().runnable()).isTrue();
            }
        });
    }

    @Property
    void aModelIsIdenticalToItself(@ForAll("models") CpuModel m) {
        Comparison.Result r = Comparison.compare(CATALOG, m, m);
        assertThat(r.result()).isEqualTo(CompareResult.IDENTICAL);
        assertThat(r.responsibleProperties()).isEmpty();
    }

    @Property
    void comparisonIsAntisymmetric(@ForAll("models") CpuModel a, @ForAll("models") CpuModel b) {
        CompareResult ab = Comparison.compare(CATALOG, a, b).result();
        CompareResult ba = Comparison.compare(CATALOG, b, a).result();
        CompareResult expected = switch (ab) {
            case SUBSET -> CompareResult.SUPERSET;
            case SUPERSET -> CompareResult.SUBSET;
            default -> ab;
        };
        assertThat(ba).isEqualTo(expected);
    }

    @Property
    void expansionRoundTrips(@ForAll("models") CpuModel m) {
        ModelResolver resolver = new ModelResolver(CATALOG);
        CpuModel masked = new CpuModel(m.definition(), m.features().and(m.definition().full()));
        for (Expansion.Type type : Expansion.Type.values()) {
            assertThat(resolver.resolve(Expansion.expand(CATALOG, masked, type))).isEqualTo(masked);
        }
    }
}
