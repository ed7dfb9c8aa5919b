package dev.gcm.facilitydb.forms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.facilitydb.testing.SeededModels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every form the tool writes reads back to the same model, for seeded random models in the newest view and in
 * QEMU 7.2's. Replay a failure with {@code -Dgcm.seed=N}.
 */
class FormsRoundTripTest {

    private static final long SEED = SeededModels.seed();

    @Test
    void everyOutputFormOfRandomModelsReadsBackToTheSameModel() {
        for (Catalog catalog : List.of(Catalog.load(), Catalog.load().forQemu(QemuVersion.parse("7.2")))) {
            Random random = new Random(SEED);
            ModelResolver resolver = new ModelResolver(catalog);
            for (int i = 0; i < 300; i++) {
                CpuModel model = SeededModels.model(catalog, random);
                CpuModelInfo staticForm = Expansion.staticForm(catalog, model);
                CpuModelInfo fullForm = Expansion.fullForm(catalog, model);
                Map<String, String> written = new LinkedHashMap<>();
                written.put("qemu static", CpuModelInfoJson.write(staticForm).toString());
                written.put("qemu full", CpuModelInfoJson.write(fullForm).toString());
                written.put("args", CpuArgument.write(staticForm));
                written.put("args full", CpuArgument.write(fullForm));
                written.put("args without -cpu", staticForm.toCpuArgument());
                written.put("libvirt", LibvirtCpuXml.write(staticForm));
                written.put("libvirt full", LibvirtCpuXml.write(fullForm));
                written.put("gcm/v1", GcmDocuments.cpuModel(catalog, model).toPrettyString());
                written.put("json string", CpuModelInfoJson.mapper().valueToTree(CpuArgument.write(staticForm)).toString());
                for (var e : written.entrySet()) {
                    String context = "seed " + SEED + " (replay: -Dgcm.seed=" + SEED + "), QEMU " + catalog.qemuVersion()
                            + " model #" + i + " " + staticForm.toCpuArgument() + ", form " + e.getKey() + ":\n" + e.getValue();
                    assertThat(resolver.resolve(ModelForms.read(e.getValue()).model())).as(context).isEqualTo(model);
                }
            }
        }
    }

    @Test
    void severalLibvirtCpusReadBackInOrder() {
        Catalog catalog = Catalog.load();
        Random random = new Random(SEED);
        List<CpuModel> models = random.ints(20, 0, 1).mapToObj(x -> SeededModels.model(catalog, random)).toList();
        Function<CpuModel, String> xml = m -> LibvirtCpuXml.write(Expansion.staticForm(catalog, m));
        String all = String.join("", models.stream().map(xml).toList());
        ModelResolver resolver = new ModelResolver(catalog);
        assertThat(ModelForms.readAllXml(all).stream().map(r -> resolver.resolve(r.model())).toList())
                .as("seed " + SEED).isEqualTo(models);
    }
}
