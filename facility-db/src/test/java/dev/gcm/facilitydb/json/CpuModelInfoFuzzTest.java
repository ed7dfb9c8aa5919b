package dev.gcm.facilitydb.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import java.io.IOException;

/**
 * Any bytes as QEMU CpuModelInfo JSON (what the planner and the CLI read from outside): parsed, read and
 * resolved in the catalog, they either give a model or fail with the reader's own errors (malformed JSON,
 * a wrong shape, an unknown model or feature), never anything else; a model read back from its own JSON
 * is the same model. In every build the committed seeds run (CpuModelInfoFuzzTestInputs); to fuzz, see
 * the README of this module.
 */
class CpuModelInfoFuzzTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final ModelResolver RESOLVER = new ModelResolver(CATALOG);

    @FuzzTest(maxDuration = "5m")
    void readAndResolve(byte[] data) throws IOException {
        JsonNode node;
        try {
            node = CpuModelInfoJson.mapper().readTree(data);
        } catch (IOException malformed) {
            // malformed JSON, or bytes in no encoding JSON allows (a finding of this test: crash-invalid-utf32)
            return;
        }
        CpuModelInfo info;
        try {
            info = CpuModelInfoJson.read(node, "$");
        } catch (InvalidJsonException wrongShape) {
            return;
        }
        CpuModel model;
        try {
            model = RESOLVER.resolve(info);
        } catch (IllegalArgumentException unknown) {
            assertThat(unknown.getMessage()).isNotBlank();
            return;
        }
        CpuModelInfo again = CpuModelInfoJson.read(CpuModelInfoJson.mapper().readTree(
                CpuModelInfoJson.write(info).toString()), "$");
        assertThat(RESOLVER.resolve(again)).isEqualTo(model);
    }
}
