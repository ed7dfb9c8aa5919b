package dev.gcm.cli.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.cli.CliRun;
import dev.gcm.cli.ExitCodes;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.gcm.GcmLimits;
import dev.gcm.facilitydb.gcm.GcmOptions;
import dev.gcm.facilitydb.gcm.MixedReleaseGcm;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.json.GcmJson;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gcm baseline} reads a fleet host by host and computes once per distinct host: its answer is that of the
 * straightforward computation over every host, and a large fleet's limits come grouped by cause.
 */
class BaselineAtScaleTest {

    private static final long SEED = Long.getLong("gcm.seed", System.nanoTime());
    private static final Catalog NEWEST = Catalog.load();
    private static final List<Optional<QemuVersion>> RELEASES = List.of(Optional.of(QemuVersion.parse("7.2.22")),
            Optional.of(QemuVersion.parse("10.0.2")), Optional.empty());

    @Test
    void randomFleetsGetTheAnswerOfEveryHostComputedOneByOne(@TempDir Path dir) throws Exception {
        Random random = new Random(SEED);
        for (int round = 0; round < 30; round++) {
            List<GcmHost> kinds = new ArrayList<>();
            for (int k = 1 + random.nextInt(6); k > 0; k--) {
                kinds.add(randomHost(random, "kind"));
            }
            List<GcmHost> hosts = new ArrayList<>();
            ArrayNode file = JsonNodeFactory.instance.arrayNode();
            for (int i = 1 + random.nextInt(300); i > 0; i--) {
                GcmHost k = kinds.get(random.nextInt(kinds.size()));
                GcmHost h = new GcmHost("h-" + i, k.model(), k.ibcRange(), k.qemu());
                hosts.add(h);
                file.add(written(h, random));
            }
            Path fleet = dir.resolve("fleet-" + round + ".json");
            Files.writeString(fleet, file.toString());
            boolean strict = random.nextBoolean();
            boolean off = random.nextBoolean();
            List<String> args = new ArrayList<>(List.of("baseline", fleet.toString(), "-o", "json"));
            args.addAll(strict ? List.of("--strict-ibc") : List.of());
            args.addAll(off ? List.of("--deprecated-features", "off") : List.of());
            Optional<QemuVersion> asked = random.nextInt(5) == 0 ? RELEASES.get(0) : Optional.empty();
            asked.ifPresent(v -> args.addAll(List.of("--qemu-version", v.toString())));
            String context = "seed " + SEED + " (replay: -Dgcm.seed=" + SEED + "), round " + round;

            CliRun run = CliRun.of(args.toArray(String[]::new));
            GcmOptions options = new GcmOptions(strict, off);
            MixedReleaseGcm.Result plain = MixedReleaseGcm.compute(NEWEST, hosts, asked, options);
            JsonNode printed = CpuModelInfoJson.mapper().readTree(run.out());
            assertThat(printed.path("hostCount").asInt()).as(context).isEqualTo(hosts.size());
            assertThat(printed.path("qemuView").path("boundBy")).as(context)
                    .isEqualTo(CpuModelInfoJson.writeNames(plain.bound().hosts()));
            if (!plain.gcm().hasCommonModel()) {
                assertThat(run.exitCode()).as(context).isEqualTo(ExitCodes.REJECTED);
                assertThat(printed.path("conflicts")).as(context).isEqualTo(GcmJson.conflicts(plain.gcm().conflicts()));
                continue;
            }
            assertThat(run.exitCode()).as(context + ": " + run.err()).isEqualTo(ExitCodes.OK);
            CpuModel model = plain.gcm().model().orElseThrow();
            assertThat(printed.path("definition").path("name").asText()).as(context)
                    .isEqualTo(model.definition().name());
            assertThat(printed.path("features")).as(context).hasSize(model.features().size());
            assertThat(printed.path("limitedBy")).as(context).isEqualTo(GcmJson.limits(
                    GcmLimits.of(plain.view().catalog(), plain.reducedHosts(), model, options)));
        }
    }

    @Test
    void aLargeFleetPrintsItsLimitsGroupedByCauseAndWideNamesEveryHost(@TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) {
            String model = i % 4 == 0 ? "\"z14\"" : i % 4 == 1 ? "\"gen15a,vx=off\"" : "{\"name\": \"gen15a\"}";
            text.append(i == 0 ? "" : ",").append("{\"id\": \"host-").append(i).append("\", \"model\": ").append(model)
                    .append("}");
        }
        Path fleet = dir.resolve("fleet.json");
        Files.writeString(fleet, text.append("]"));

        CliRun table = CliRun.of("baseline", fleet.toString());
        assertThat(table.exitCode()).as(table.err()).isEqualTo(ExitCodes.OK);
        assertThat(table.out()).contains("Hosts:       20,000 (3 distinct)")
                .contains("5,000 hosts cap the generation (z14)").contains("host-0, host-100, host-1000, host-10000, ")
                .contains("5,000 hosts lack vx").contains(" and 4,992 more").doesNotContain("host-19999");
        assertThat(table.out().lines()).as("a few lines, not one per host").hasSizeLessThan(20);
        assertThat(table.err()).as("stderr is no terminal here: no progress").isEmpty();

        CliRun wide = CliRun.of("baseline", fleet.toString(), "-o", "wide");
        assertThat(wide.out()).contains("host-19997").doesNotContain(" more");
        CliRun shown = CliRun.of("baseline", fleet.toString(), "--progress");
        assertThat(shown.out()).as("progress never touches stdout").isEqualTo(table.out());
        assertThat(shown.err()).contains("Reading " + fleet + ": ").contains("% (").contains(" hosts)")
                .contains("Computing the GCM of 20,000 hosts");
        CliRun piped = CliRun.withStdin(Files.readString(fleet), "baseline", "-", "--progress", "-o", "json");
        assertThat(piped.err()).contains("Reading standard input: ").doesNotContain("%");
        assertThat(CpuModelInfoJson.mapper().readTree(piped.out()).path("limitedBy").size())
                .as("every host: z14s cap the generation, gen15as lack csske and bpb").isEqualTo(20_000);
    }

    @Test
    void theBoundsOfAStreamedFleetAreNamed() {
        CliRun trailing = CliRun.withStdin("[\"z14\"] [\"z13\"]", "baseline", "-");
        assertThat(trailing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(trailing.err()).contains("more after the fleet's array");
        CliRun open = CliRun.withStdin("[\"z14\", ", "baseline", "-");
        assertThat(open.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(open.err()).contains("malformed JSON");
        CliRun blank = CliRun.withStdin(" \n ", "baseline", "-");
        assertThat(blank.err()).contains("standard input is empty");
        CliRun bom = CliRun.withStdin("\uFEFF[\"z14\"]", "baseline", "-", "-o", "args");
        assertThat(bom.exitCode()).as(bom.err()).isEqualTo(ExitCodes.OK);
        CliRun deep = CliRun.withStdin("[" + "[".repeat(100) + "]".repeat(100) + "]", "baseline", "-");
        assertThat(deep.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(deep.err()).contains("nesting depth");
    }

    /** A host of a recent definition in the view of a random release, some features flipped, maybe a range. */
    private static GcmHost randomHost(Random random, String id) {
        Optional<QemuVersion> qemu = RELEASES.get(random.nextInt(RELEASES.size()));
        Catalog view = qemu.map(NEWEST::forQemu).orElse(NEWEST);
        List<CpuDefinition> recent = view.definitions().stream().filter(d -> d.generation() >= 13).toList();
        CpuDefinition d = recent.get(random.nextInt(recent.size()));
        FeatureSet.Builder b = (random.nextBoolean() ? d.defaults() : d.base()).toBuilder();
        int[] full = d.full().and(view.knownFeatures()).toArray();
        for (int flips = random.nextInt(8); flips > 0; flips--) {
            int f = full[random.nextInt(full.length)];
            if (random.nextBoolean()) {
                b.add(f);
            } else {
                b.remove(f);
            }
        }
        Optional<IbcRange> range = Optional.empty();
        if (random.nextInt(3) == 0) {
            range = Optional.of(new IbcRange(new Ibc(Math.min(d.ibc().value(), 0x31 + random.nextInt(3) * 0x10)), d.ibc()));
        }
        return new GcmHost(id, new CpuModel(d, b.build()), range, qemu);
    }

    /** The host as a host object, its model in one of the forms people write. */
    private static ObjectNode written(GcmHost h, Random random) {
        Catalog view = h.qemu().map(NEWEST::forQemu).orElse(NEWEST);
        CpuModelInfo info = Expansion.staticForm(view, h.model());
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", h.id());
        switch (random.nextInt(3)) {
            case 0 -> node.set("model", CpuModelInfoJson.write(info));
            case 1 -> node.put("model", "-cpu " + info.toCpuArgument());
            default -> node.put("model", info.toCpuArgument());
        }
        h.ibcRange().ifPresent(r -> node.putObject("ibcRange").put("lowest", r.lowest().toString())
                .put("unblocked", r.unblocked().toString()));
        h.qemu().ifPresent(v -> node.put("qemuVersion", v.toString()));
        return node;
    }
}
