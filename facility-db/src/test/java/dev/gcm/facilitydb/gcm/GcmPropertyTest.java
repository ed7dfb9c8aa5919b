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
import dev.gcm.facilitydb.testing.Seeded;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The algebra of the GCM and of comparison, over seeded random models (a failure names its seed; see
 * {@link Seeded}).
 */
class GcmPropertyTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final int TRIES = 1000;

    /** A definition's default or base set with up to seven optional features flipped. */
    static CpuModel model(Random r) {
        CpuDefinition def = Seeded.pick(r, CATALOG.definitions());
        FeatureSet.Builder b = (r.nextBoolean() ? def.defaults() : def.base()).toBuilder();
        FeatureSet essential = CATALOG.definitions().get(0).base();
        int[] optional = def.full().andNot(essential).toArray();
        int flips = r.nextInt(8);
        for (int i = 0; i < flips && optional.length > 0; i++) {
            int f = optional[r.nextInt(optional.length)];
            if (r.nextBoolean()) {
                b.remove(f);
            } else {
                b.add(f);
            }
        }
        return new CpuModel(def, b.build());
    }

    /** One to twelve models. */
    static List<CpuModel> fleet(Random r) {
        return Seeded.listOf(r, 1, 12, GcmPropertyTest::model);
    }

    @Test
    void gcmIsCommutative() {
        Seeded.forAll(TRIES, r -> {
            List<CpuModel> fleet = fleet(r);
            List<CpuModel> shuffled = new ArrayList<>(fleet);
            Collections.shuffle(shuffled, r);
            assertThat(Gcm.ofModels(CATALOG, shuffled).model()).isEqualTo(Gcm.ofModels(CATALOG, fleet).model());
        });
    }

    @Test
    void gcmIsIdempotent() {
        Seeded.forAll(TRIES, r -> {
            List<CpuModel> fleet = fleet(r);
            List<CpuModel> twice = new ArrayList<>(fleet);
            twice.addAll(fleet);
            assertThat(Gcm.ofModels(CATALOG, twice).model()).isEqualTo(Gcm.ofModels(CATALOG, fleet).model());
            CpuModel any = fleet.get(0);
            assertThat(Gcm.ofModels(CATALOG, List.of(any, any)).model())
                    .isEqualTo(Gcm.ofModels(CATALOG, List.of(any)).model());
        });
    }

    /**
     * QEMU's model search may name a GCM by a definition it would not pick again (a z14ZR1 reached as
     * the last compatible definition is named z14 when searched for directly), so the GCM of the GCM
     * can differ in name, but never in features, and one step reaches a fixed point.
     */
    @Test
    void gcmOfTheGcmKeepsItsFeaturesAndIsAFixedPoint() {
        Seeded.forAll(TRIES, r -> {
            List<CpuModel> fleet = fleet(r);
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
        });
    }

    @Test
    void gcmRunsOnEveryHost() {
        Seeded.forAll(TRIES, r -> {
            List<CpuModel> fleet = fleet(r);
            Gcm.ofModels(CATALOG, fleet).model().ifPresent(g -> {
                for (CpuModel host : fleet) {
                    assertThat(host.features().containsAll(g.features())).isTrue();
                    assertThat(g.definition().isOlderThan(host.definition())
                            || !host.definition().isOlderThan(g.definition())).isTrue();
                    assertThat(Comparison.compare(CATALOG, g, host).result().runnable()).isTrue();
                }
            });
        });
    }

    @Test
    void aModelIsIdenticalToItself() {
        Seeded.forAll(TRIES, r -> {
            CpuModel m = model(r);
            Comparison.Result result = Comparison.compare(CATALOG, m, m);
            assertThat(result.result()).isEqualTo(CompareResult.IDENTICAL);
            assertThat(result.responsibleProperties()).isEmpty();
        });
    }

    @Test
    void comparisonIsAntisymmetric() {
        Seeded.forAll(TRIES, r -> {
            CpuModel a = model(r);
            CpuModel b = model(r);
            CompareResult ab = Comparison.compare(CATALOG, a, b).result();
            CompareResult ba = Comparison.compare(CATALOG, b, a).result();
            CompareResult expected = switch (ab) {
                case SUBSET -> CompareResult.SUPERSET;
                case SUPERSET -> CompareResult.SUBSET;
                default -> ab;
            };
            assertThat(ba).isEqualTo(expected);
        });
    }

    @Test
    void expansionRoundTrips() {
        Seeded.forAll(TRIES, r -> {
            CpuModel m = model(r);
            ModelResolver resolver = new ModelResolver(CATALOG);
            CpuModel masked = new CpuModel(m.definition(), m.features().and(m.definition().full()));
            for (Expansion.Type type : Expansion.Type.values()) {
                assertThat(resolver.resolve(Expansion.expand(CATALOG, masked, type))).isEqualTo(masked);
            }
        });
    }
}
