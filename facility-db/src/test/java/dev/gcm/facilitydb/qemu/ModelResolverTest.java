package dev.gcm.facilitydb.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.UnknownNamesException;
import dev.gcm.facilitydb.model.CpuModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelResolverTest {

    private final Catalog catalog = Catalog.load();
    private final ModelResolver resolver = new ModelResolver(catalog);
    private final CpuDefinition z14 = catalog.definition("z14").orElseThrow();

    @Test
    void namedModelsStartFromTheDefaultSetAndBaseModelsFromTheBaseSet() {
        assertThat(resolver.resolve(CpuModelInfo.named("z14")).features()).isEqualTo(z14.defaults());
        assertThat(resolver.resolve(CpuModelInfo.named("z14-base")).features()).isEqualTo(z14.base());
    }

    @Test
    void propsSwitchFeaturesAndGroups() {
        CpuModel m = resolver.resolve(new CpuModelInfo("z14", Map.of("vx", false, "msa5", false)));
        assertThat(m.features().contains(catalog.feature("vx").orElseThrow().index())).isFalse();
        var msa5 = catalog.group("msa5").orElseThrow().features();
        assertThat(m.features().intersects(msa5)).isFalse();
        CpuModel back = resolver.resolve(new CpuModelInfo("z14-base", Map.of("msa5", true)));
        assertThat(back.features().containsAll(msa5)).isTrue();
    }

    @Test
    void listsEveryUnknownProperty() {
        Map<String, Boolean> props = new LinkedHashMap<>();
        props.put("vx", true);
        props.put("warp", true);
        props.put("cloak", false);
        assertThatThrownBy(() -> resolver.resolve(new CpuModelInfo("z14", props)))
                .isInstanceOf(UnknownNamesException.class)
                .hasMessage("unknown properties: warp, cloak");
    }

    @Test
    void namesAnUnknownModel() {
        assertThatThrownBy(() -> resolver.resolve(CpuModelInfo.named("z99")))
                .isInstanceOf(UnknownNamesException.class).hasMessage("unknown CPU model: z99");
        assertThatThrownBy(() -> resolver.resolve(CpuModelInfo.named("host")))
                .isInstanceOf(ModelException.class).hasMessageContaining("depends on the accelerator");
    }

    @Test
    void refusesFeaturesOfLaterModels() {
        assertThatThrownBy(() -> resolver.resolve(new CpuModelInfo("z13", Map.of("gs", true, "vxeh", true))))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("not available for CPU model 'z13'")
                .hasMessageContaining("feature 'gs'").hasMessageContaining("feature 'vxeh'");
    }

    @Test
    void aGroupIsRefusedOnlyWhenNoneOfItsFeaturesIsInTheFullSet() {
        CpuDefinition z900 = catalog.definition("z900").orElseThrow();
        assertThatThrownBy(() -> resolver.resolve(new CpuModelInfo("z900", Map.of("msa9", true))))
                .hasMessageContaining("group 'msa9'");
        assertThat(z900.full().isEmpty()).isFalse();
    }

    @Test
    void expansionRoundTripsThroughTheResolver() {
        CpuModel m = resolver.resolve(new CpuModelInfo("gen15a", Map.of("vxeh2", false, "te", false)));
        for (Expansion.Type type : Expansion.Type.values()) {
            CpuModelInfo info = Expansion.expand(catalog, m, type);
            assertThat(info.name()).isEqualTo("gen15a-base");
            assertThat(resolver.resolve(info)).isEqualTo(m);
        }
        assertThat(Expansion.staticForm(catalog, m).props()).doesNotContainKey("vxeh2").containsEntry("vx", true);
        assertThat(List.copyOf(Expansion.fullForm(catalog, m).props().keySet())).contains("msa", "vx");
    }
}
