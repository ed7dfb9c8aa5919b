package dev.gcm.cli.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.cli.CliRun;
import dev.gcm.cli.ExitCodes;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever the offline commands print, they read back; every model argument takes every form. */
class ModelFormsCommandsTest {

    private static final long SEED = Long.getLong("gcm.seed", System.nanoTime());
    private static final String FLEET = "[\"z14\", {\"name\": \"gen15a\"}]";

    private static JsonNode json(String text) throws Exception {
        return CpuModelInfoJson.mapper().readTree(text);
    }

    private static String qemuForm(String model) {
        CliRun run = CliRun.of("expand", model, "-o", "qemu");
        assertThat(run.exitCode()).as(model + ": " + run.err()).isZero();
        return run.out();
    }

    @Test
    void theArgsOfABaselineCompareAgainstAHost() {
        String args = CliRun.withStdin(FLEET, "baseline", "-", "-o", "args").out().strip();
        assertThat(args).startsWith("-cpu z14-base,");
        CliRun fits = CliRun.of("compare", args, "gen16a");
        assertThat(fits.exitCode()).as(fits.err()).isEqualTo(ExitCodes.OK);
        CliRun csske = CliRun.of("compare", "z14,csske=off", "gen16a");
        assertThat(csske.exitCode()).as("z14 keeps bpb, which gen16a dropped").isEqualTo(ExitCodes.REJECTED);
        assertThat(csske.out()).contains("B lacks:     the deprecated bpb (bpb is deprecated");
    }

    @Test
    void everyOutputFormOfRandomModelsReadsBackToTheSameModel() {
        Catalog catalog = Catalog.load();
        Random random = new Random(SEED);
        List<CpuDefinition> defs = catalog.definitions();
        for (int i = 0; i < 25; i++) {
            CpuDefinition d = defs.get(random.nextInt(defs.size()));
            Map<String, Boolean> props = new LinkedHashMap<>();
            List<String> optional = catalog.names(d.full().andNot(d.defaults()));
            if (!optional.isEmpty()) {
                props.put(optional.get(random.nextInt(optional.size())), true);
            }
            List<String> present = catalog.names(d.defaults().andNot(catalog.definitions().get(0).base()));
            if (!present.isEmpty()) {
                props.put(present.get(random.nextInt(present.size())), false);
            }
            String model = new CpuModelInfo(d.name(), props).toCpuArgument();
            String expected = qemuForm(model);
            for (String form : List.of("qemu", "args", "libvirt", "json", "table")) {
                String printed = CliRun.of("expand", model, "--full", "-o", form).out();
                if (form.equals("table")) {
                    printed = printed.lines().filter(l -> l.startsWith("QEMU -cpu:")).findFirst().orElseThrow()
                            .substring("QEMU -cpu:".length());
                }
                assertThat(qemuForm(printed)).as("seed " + SEED + " (-Dgcm.seed=" + SEED + "), " + model + " -o "
                        + form + ":\n" + printed).isEqualTo(expected);
            }
        }
    }

    @Test
    void modelsComeInEveryFormInlineInFilesAndOnStdin(@TempDir Path dir) throws Exception {
        String expected = qemuForm("z14,vx=off");
        Path domain = dir.resolve("guest.xml");
        Files.writeString(domain, "<domain type='kvm'><name>g</name><os><type arch='s390x' machine='s390-ccw-virtio-7.2'>"
                + "hvm</type></os><cpu mode='custom' match='exact'><model fallback='forbid'>z14</model>"
                + "<feature policy='disable' name='vx'/></cpu></domain>");
        Path caps = dir.resolve("caps.xml");
        Files.writeString(caps, "<domainCapabilities><machine>s390-ccw-virtio-7.2</machine><cpu>"
                + "<mode name='host-model' supported='yes'><model fallback='forbid'>z14</model>"
                + "<feature policy='disable' name='vx'/></mode></cpu></domainCapabilities>");
        String yaml = "apiVersion: gcm/v1\nkind: PoolGcm\npool: default\ncommon: true\nqemu:\n  name: z14\n  props:\n"
                + "    vx: false\n";
        for (String arg : List.of("-cpu z14,vx=off", "z14,vx=false", "{\"name\":\"z14\",\"props\":{\"vx\":false}}",
                "<cpu><model>z14</model><feature policy='disable' name='vx'/></cpu>", domain.toString(), caps.toString(),
                yaml)) {
            assertThat(qemuForm(arg)).as(arg).isEqualTo(expected);
        }
        assertThat(CliRun.withStdin(Files.readString(domain), "expand", "-", "-o", "qemu").out()).isEqualTo(expected);
        assertThat(CliRun.withStdin(yaml, "features", "--model", "-", "-o", "json").exitCode()).isZero();
        assertThat(CliRun.of("expand", dir.resolve("missing.xml").toString()).err()).contains("no such file");
    }

    @Test
    void fleetEntriesComeInEveryForm() throws Exception {
        String record = "{\"apiVersion\":\"gcm/v1\",\"kind\":\"HostRecord\",\"hostId\":\"rec\",\"hostModel\":{\"name\":\"z14\"},"
                + "\"machine\":{\"machineType\":\"3906\",\"ibc\":{\"lowest\":\"0x011\",\"unblocked\":\"0x041\"}},"
                + "\"hypervisor\":{\"kind\":\"qemu-kvm\",\"qemuVersion\":\"7.2.22\"}}";
        String doc = CliRun.of("expand", "gen15a", "-o", "json").out();
        String fleet = "[\"-cpu z14,vx=off\", \"<cpu><model>z14</model></cpu>\", " + doc + ", " + record
                + ", {\"id\": \"obj\", \"model\": \"gen16a\", \"qemuVersion\": \"10.0.2\"}]";
        CliRun run = CliRun.withStdin(fleet, "baseline", "-", "-o", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode gcm = json(run.out());
        String plain = "[{\"name\":\"z14\",\"props\":{\"vx\":false}}, \"z14\", \"gen15a\", \"z14\", \"gen16a\"]";
        assertThat(gcm.get("qemu")).isEqualTo(json(CliRun.withStdin(plain, "baseline", "-", "-o", "qemu").out()));
        assertThat(gcm.get("qemuView").get("boundBy").toString()).isEqualTo("[\"rec\"]");
        String xmlFleet = "<?xml version='1.0'?>\n<cpu><model>z14</model><feature policy='disable' name='vx'/></cpu>\n"
                + "<cpu mode='custom' match='exact'><model fallback='forbid'>gen16a</model></cpu>\n";
        CliRun xml = CliRun.withStdin(xmlFleet, "baseline", "-", "-o", "qemu");
        assertThat(xml.exitCode()).as(xml.err()).isZero();
        assertThat(json(xml.out())).isEqualTo(json(CliRun.withStdin("[\"z14,vx=off\", \"gen16a\"]", "baseline", "-",
                "-o", "qemu").out()));
    }

    @Test
    void qemuVersionIsAViewThatReducesNewerHosts() throws Exception {
        String fleet = "[{\"id\":\"z17\",\"model\":\"gen17a\"},{\"id\":\"z16\",\"model\":\"gen16a\",\"qemuVersion\":\"7.2.22\"}]";
        CliRun mixed = CliRun.withStdin(fleet, "baseline", "-", "-o", "json");
        assertThat(mixed.exitCode()).as(mixed.err()).isZero();
        JsonNode m = json(mixed.out());
        assertThat(m.get("qemuVersion").asText()).isEqualTo("7.2.0");
        assertThat(m.get("qemuView").get("reduced").get("z17").asText()).isEqualTo("gen17a → gen16b");
        CliRun asked = CliRun.withStdin("[\"gen17a\", \"gen17a\"]", "baseline", "--qemu-version", "7.2", "-");
        assertThat(asked.exitCode()).as(asked.err()).isZero();
        assertThat(asked.out()).contains("Definition:  gen16b ").contains("QEMU view:   computed in the view of QEMU 7.2 (as asked)");
        assertThat(CliRun.withStdin("[\"gen17a\"]", "baseline", "-").out()).contains("Definition:  gen17a ");
    }

    @Test
    void deprecatedFeaturesFollowTheRelease() throws Exception {
        assertThat(CliRun.of("features", "--qemu-version", "7.2", "-o", "json").out()).doesNotContain("deprecated");
        JsonNode newest = json(CliRun.of("features", "-o", "json").out());
        int deprecated = 0;
        for (JsonNode f : newest) {
            deprecated += f.path("deprecated").asBoolean() ? 1 : 0;
        }
        assertThat(deprecated).isEqualTo(4);
        assertThat(CliRun.of("features", "--qemu-version", "10.0").out()).contains("(deprecated)");
        String off = CliRun.withStdin(FLEET, "baseline", "-", "--deprecated-features", "off", "-o", "args").out();
        assertThat(off).contains("csske=off").contains("te=off").contains("cte=off").contains("bpb=off")
                .doesNotContain("te=on");
        String libvirt = CliRun.withStdin(FLEET, "baseline", "-", "--deprecated-features", "off", "-o", "libvirt").out();
        assertThat(libvirt).contains("<feature policy='disable' name='te'/>").doesNotContain("deprecated_features");
        assertThat(qemuForm(off)).isEqualTo(qemuForm(libvirt));
        JsonNode limits = json(CliRun.withStdin(FLEET, "baseline", "-", "-o", "json").out()).get("limitedBy");
        assertThat(limits.get(1).get("host").asText()).isEqualTo("#1");
        assertThat(limits.get(1).get("deprecated").toString()).isEqualTo("[\"csske\",\"bpb\"]");
    }

    @Test
    void releasesWithoutCpuModelsAreAClearError() {
        for (String[] args : List.of(new String[] {"models", "--qemu-version", "2.0"},
                new String[] {"features", "--qemu-version", "2.0"}, new String[] {"expand", "z900", "--qemu-version", "2.0"},
                new String[] {"compare", "z900", "z900", "--qemu-version", "2.0"},
                new String[] {"baseline", "-", "--qemu-version", "2.0"}, new String[] {"models", "--qemu-version", "seven"})) {
            CliRun run = CliRun.withStdin("[\"z900\"]", args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).containsAnyOf("has no s390x CPU models", "not a QEMU version");
        }
    }
}
