package dev.gcm.cli.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.cli.CliRun;
import dev.gcm.cli.ExitCodes;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.facilitydb.qemu.ModelResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineCommandsTest {

    private static final Catalog CATALOG = Catalog.load();
    private static final ModelResolver RESOLVER = new ModelResolver(CATALOG);

    private static JsonNode json(String text) throws Exception {
        return CpuModelInfoJson.mapper().readTree(text);
    }

    @Test
    void modelsListsEveryDefinition() throws Exception {
        CliRun table = CliRun.of("models");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines()).hasSize(CATALOG.definitions().size() + 1);
        assertThat(table.out()).contains("gen16a").contains("3931").contains("0x071");
        JsonNode array = json(CliRun.of("models", "-o", "json").out());
        assertThat(array).hasSize(CATALOG.definitions().size());
        assertThat(array.get(0).get("name").asText()).isEqualTo("z900");
        assertThat(CliRun.of("models", "--qemu-version", "7.2").out()).doesNotContain("gen17a");
        assertThat(CliRun.of("models", "--no-headers").out()).doesNotContain("NAME");
    }

    @Test
    void featuresOfAModelAreThatModelsSet() throws Exception {
        JsonNode features = json(CliRun.of("features", "--model", "z14-base", "-o", "json").out());
        assertThat(features).hasSize(CATALOG.definition("z14").orElseThrow().base().size());
        CliRun kma = CliRun.of("features", "--kind", "KMA");
        assertThat(kma.out()).contains("kma-gcm-aes-128").doesNotContain("plo-cl");
    }

    @Test
    void expandPrintsWhatResolvesBackToTheSameModel() throws Exception {
        CpuModel z14 = RESOLVER.resolve(CpuModelInfo.named("z14"));
        for (String type : List.of("--static", "--full")) {
            CliRun run = CliRun.of("expand", type, "z14");
            assertThat(run.exitCode()).isZero();
            CpuModelInfo info = CpuModelInfoJson.read(json(run.out()), "$");
            assertThat(info.name()).isEqualTo("z14-base");
            assertThat(RESOLVER.resolve(info)).isEqualTo(z14);
        }
        assertThat(CliRun.of("expand", "z14", "-o", "args").out()).startsWith("-cpu z14-base,");
        assertThat(CliRun.of("expand", "z14", "-o", "libvirt").out())
                .contains("<model fallback='forbid'>z14-base</model>").contains("<feature policy='require' name='vx'/>");
    }

    @Test
    void expandReadsAModelFromStdinAndFromAFile(@TempDir Path dir) throws Exception {
        String model = "{\"name\": \"z13\", \"props\": {\"vx\": false}}";
        CliRun fromStdin = CliRun.withStdin(model, "expand", "--full", "-");
        Path file = dir.resolve("m.json");
        Files.writeString(file, model);
        CliRun fromFile = CliRun.of("expand", "--full", file.toString());
        assertThat(fromStdin.out()).isEqualTo(fromFile.out()).contains("\"vx\" : false").doesNotContain("\"vx\" : true");
    }

    @Test
    void baselinePrintsTheSameGcmAsTheLibrary() throws Exception {
        String fleet = "[{\"name\":\"z14\"},{\"name\":\"gen15a\",\"props\":{\"vx\":false}},{\"name\":\"z13s\"}]";
        CliRun run = CliRun.withStdin(fleet, "baseline", "-", "-o", "qemu");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        List<CpuModel> models = CpuModelInfoJson.readArray(json(fleet)).stream().map(RESOLVER::resolve).toList();
        CpuModel expected = Gcm.ofModels(CATALOG, models).model().orElseThrow();
        assertThat(CpuModelInfoJson.read(json(run.out()), "$")).isEqualTo(Expansion.staticForm(CATALOG, expected));

        JsonNode own = json(CliRun.withStdin(fleet, "baseline", "-", "-o", "json").out());
        assertThat(own.get("definition").get("name").asText()).isEqualTo(expected.definition().name());
        assertThat(own.get("features")).hasSize(expected.features().size());
        assertThat(own.get("hostCount").asInt()).isEqualTo(3);
        assertThat(own.get("limitedBy").toString()).contains("\"#1\"").contains("vx");
        assertThat(CliRun.withStdin(fleet, "baseline", "-").out()).contains("Limited by:", "CAUSE", "#2");
    }

    @Test
    void baselineWithoutCommonModelExitsOneAndSaysWhy() throws Exception {
        String fleet = "[{\"id\":\"a\",\"model\":{\"name\":\"z14\"}},"
                + "{\"id\":\"b\",\"model\":{\"name\":\"z14\",\"props\":{\"esan3\":false}}}]";
        CliRun run = CliRun.withStdin(fleet, "baseline", "-");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("esan3").contains("lacked by b");
        JsonNode json = json(CliRun.withStdin(fleet, "baseline", "-", "-o", "json").out());
        assertThat(json.get("conflicts").get(0).get("code").asText()).isEqualTo("MISSING_BASE_FEATURES");
    }

    @Test
    void baselineHonoursIbcRangesStrictOnlyWhenAsked() {
        String fleet = "[{\"id\":\"new\",\"model\":{\"name\":\"gen15a\"},\"ibcRange\":{\"lowest\":\"0x051\",\"unblocked\":\"0x051\"}},"
                + "{\"id\":\"old\",\"model\":{\"name\":\"z14\"},\"ibcRange\":{\"lowest\":\"0x031\",\"unblocked\":\"0x041\"}}]";
        CliRun strict = CliRun.withStdin(fleet, "baseline", "-", "--strict-ibc");
        assertThat(strict.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(strict.err()).contains("IBC ranges do not meet").contains("new").contains("old");
        CliRun raised = CliRun.withStdin(fleet, "baseline", "-");
        assertThat(raised.exitCode()).as("z14 runs on 'new' with its IBC raised").isEqualTo(ExitCodes.OK);
        assertThat(raised.out()).contains("Definition:  z14 ");
    }

    @Test
    void badInputExitsTwoWithAClearMessageAndNoTrace() {
        Map<String, String> cases = pairs(
                "[{\"name\":\"z14\"", "malformed JSON",
                "[{\"name\":\"z14\",\"props\":{\"warp\":true,\"cloak\":false}}]", "unknown properties: warp, cloak",
                "[{\"id\":\"h\",\"model\":\"z14\",\"qemuVersion\":\"2.0\"}]", "QEMU 2.0.0 has no s390x CPU models",
                "[{\"id\":\"h\",\"model\":\"gen17a\",\"qemuVersion\":\"7.2\"}]", "unknown CPU model: gen17a (in the view of QEMU 7.2",
                "[\"<cpu><model>z14</cpu>\"]", "malformed XML",
                "<cpu mode='host-model'/>", "takes its model from the host",
                "[{\"name\":\"zz9\"}]", "unknown CPU model: zz9",
                "{\"name\":\"z14\"}", "expected a JSON array",
                "[]", "the fleet is empty",
                "[{\"id\":\"h\",\"model\":{\"name\":\"z14\"},\"ibcRange\":{\"lowest\":\"0x051\",\"unblocked\":\"0x031\"}}]",
                "lowest 0x051 is above unblocked 0x031",
                "[{\"id\":\"h\",\"model\":{\"name\":\"z14\"},\"ibcRange\":{\"lowest\":\"0x1000\",\"unblocked\":\"0x031\"}}]",
                "outside 12 bits",
                "[{\"id\":\"h\",\"model\":{\"name\":\"z14\"}},{\"id\":\"h\",\"model\":{\"name\":\"z14\"}}]", "appears twice",
                "", "empty");
        cases.forEach((input, message) -> {
            CliRun run = CliRun.withStdin(input, "baseline", "-");
            assertThat(run.exitCode()).as(input).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(input).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(run.out()).as(input).isEmpty();
        });
        assertThat(CliRun.of("baseline", "/no/such/file.json").err()).contains("no such file");
        assertThat(CliRun.of("expand", "--static", "--full", "z14").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private static Map<String, String> pairs(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void compareExitsZeroWhenTheGuestFitsAndOneWhenNot() throws Exception {
        CliRun fits = CliRun.of("compare", "z13", "z14", "-o", "qemu");
        assertThat(fits.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(json(fits.out()).get("result").asText()).isEqualTo("subset");

        CliRun tooNew = CliRun.of("compare", "z14", "z13", "-o", "json");
        assertThat(tooNew.exitCode()).isEqualTo(ExitCodes.REJECTED);
        JsonNode r = json(tooNew.out());
        assertThat(r.get("result").asText()).isEqualTo("superset");
        assertThat(r.get("runnable").asBoolean()).isFalse();
        assertThat(r.get("responsibleProperties").toString()).contains("type").contains("gs");
        assertThat(r.get("missingOnHost").toString()).contains("gs");

        assertThat(CliRun.of("compare", "z14", "z14").out()).contains("identical");
        assertThat(CliRun.of("compare", "z14", "nope").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
