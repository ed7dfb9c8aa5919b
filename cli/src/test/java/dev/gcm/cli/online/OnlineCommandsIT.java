package dev.gcm.cli.online;

import static dev.gcm.planner.support.TestPlanner.ADMIN;
import static dev.gcm.planner.support.TestPlanner.GATE;
import static dev.gcm.planner.support.TestPlanner.READER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gcm.cli.CliRun;
import dev.gcm.cli.ExitCodes;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.TestPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every online command against one real planner member over real HTTP. */
class OnlineCommandsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static TestPlanner planner;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        planner = TestPlanner.start(Map.of());
        url = planner.http().toString();
        Fleet.threeHosts().forEach(OnlineCommandsIT::put);
    }

    @AfterAll
    static void stop() {
        planner.close();
    }

    private static void put(HostRecord r) {
        assertThat(planner.http().put("/api/v1/hosts/" + r.hostId(), ADMIN, Fleet.json(r)).status()).isEqualTo(200);
    }

    /** gcm with the planner and a token appended to the arguments. */
    private static CliRun gcm(String token, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--planner", url, "--token", token));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(run.err()).isEmpty();
        return JSON.readTree(run.out());
    }

    @Test
    void hostsListsEveryHostInEveryForm() throws Exception {
        CliRun table = gcm(READER, "hosts");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.err()).as("no warning while the hosts are fresh").isEmpty();
        assertThat(table.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).startsWith("HOST").contains("IBC"));
        assertThat(table.out()).contains("h1", "z14", "h2", "gen15a", "h3", "0x021..0x032");

        CliRun bare = gcm(READER, "hosts", "--no-headers");
        assertThat(bare.out().lines()).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("h"));

        JsonNode doc = json(gcm(READER, "hosts", "-o", "json"));
        assertThat(doc.path("apiVersion").asText()).isEqualTo("gcm/v1");
        assertThat(doc.path("kind").asText()).isEqualTo("HostList");
        assertThat(doc.path("hosts")).hasSize(3);

        JsonNode yaml = YAML.readTree(gcm(READER, "hosts", "-o", "yaml").out());
        assertThat(yaml.path("kind").asText()).isEqualTo("HostList");
        assertThat(yaml.path("hosts").findValuesAsText("hostId")).isEqualTo(doc.path("hosts").findValuesAsText("hostId"));
        assertThat(gcm(READER, "hosts", "-o", "wide").out().lines().findFirst().orElseThrow()).contains("GUESTS", "SEQ");
    }

    @Test
    void hostsShowGivesTheRecord() throws Exception {
        JsonNode h = json(gcm(READER, "hosts", "show", "h1", "-o", "json"));
        assertThat(h.path("kind").asText()).isEqualTo("Host");
        assertThat(h.path("record").path("hostId").asText()).isEqualTo("h1");
        CliRun table = gcm(READER, "hosts", "show", "h1");
        assertThat(table.out()).contains("Definition:  z14", "web1", "db1");
        CliRun missing = gcm(READER, "hosts", "show", "nope");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("no host 'nope'");
    }

    @Test
    void cordonNeedsAnAdminAndStopsTheGate() throws Exception {
        CliRun refused = gcm(READER, "hosts", "cordon", "h2");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("HTTP 403");
        try {
            assertThat(gcm(ADMIN, "hosts", "cordon", "h2").out()).contains("host h2 cordoned");
            JsonNode h2 = json(gcm(READER, "hosts", "show", "h2", "-o", "json"));
            assertThat(h2.path("cordoned").asBoolean()).isTrue();
            JsonNode decision = json(gcm(GATE, "check", "--guest", "web1", "--target", "h2", "-o", "json"));
            assertThat(decision.path("reasons").findValuesAsText("code")).contains("TARGET_CORDONED");
        } finally {
            assertThat(gcm(ADMIN, "hosts", "uncordon", "h2").exitCode()).isZero();
        }
        assertThat(json(gcm(READER, "hosts", "show", "h2", "-o", "json")).path("cordoned").asBoolean()).isFalse();
    }

    @Test
    void decommissionRemovesAHostUntilItIsRecommissioned() throws Exception {
        put(Fleet.record("gone", "z13", 1));
        assertThat(gcm(ADMIN, "hosts", "decommission", "gone").exitCode()).isZero();
        assertThat(json(gcm(READER, "hosts", "-o", "json")).path("hosts").findValuesAsText("hostId")).doesNotContain("gone");
        assertThat(gcm(ADMIN, "hosts", "decommission", "gone").exitCode()).isEqualTo(ExitCodes.USAGE);
        // its agent's reports are refused until an admin recommissions it
        assertThat(planner.http().put("/api/v1/hosts/gone", ADMIN, Fleet.json(Fleet.record("gone", "z13", 2))).status())
                .isEqualTo(410);
        CliRun back = gcm(ADMIN, "hosts", "recommission", "gone");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.out()).contains("host gone recommissioned");
        put(Fleet.record("gone", "z13", 3));
        assertThat(json(gcm(READER, "hosts", "-o", "json")).path("hosts").findValuesAsText("hostId")).contains("gone");
        CliRun again = gcm(ADMIN, "hosts", "recommission", "gone");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("NOT_DECOMMISSIONED");
        assertThat(gcm(ADMIN, "hosts", "decommission", "gone").exitCode()).isZero();
    }

    @Test
    void poolsSetDefinesAPoolWithItsOwnGcm() throws Exception {
        CliRun set = gcm(ADMIN, "pools", "set", "zone-a", "--selector", "zone=a");
        assertThat(set.exitCode()).as(set.err()).isZero();
        JsonNode pools = json(gcm(READER, "pools", "-o", "json"));
        JsonNode zoneA = null;
        for (JsonNode p : pools.path("pools")) {
            if (p.path("name").asText().equals("zone-a")) {
                zoneA = p;
            }
        }
        assertThat(zoneA).isNotNull();
        assertThat(zoneA.path("hostCount").asInt()).isEqualTo(2);
        JsonNode gcm = json(gcm(READER, "gcm", "--pool", "zone-a", "-o", "json")); // the old name of show still works
        assertThat(gcm.path("hostCount").asInt()).isEqualTo(2);
        assertThat(gcm.path("definition").path("name").asText()).isEqualTo(zoneA.path("gcm").asText());
        assertThat(gcm(READER, "pools").out()).contains("zone-a", "zone=a");
        CliRun bad = gcm(ADMIN, "pools", "set", "Bad_Name");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(gcm(ADMIN, "pools", "set", "x", "--floor", "z99").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void gcmPrintsThePlannersAnswerInEveryForm() throws Exception {
        JsonNode api = planner.http().get("/api/v1/pools/default/gcm", READER).json();
        JsonNode doc = json(gcm(READER, "show", "-o", "json"));
        assertThat(doc.path("kind").asText()).isEqualTo("PoolGcm");
        assertThat(doc.path("definition")).isEqualTo(api.path("definition"));
        assertThat(doc.path("features")).isEqualTo(api.path("features"));

        CpuModelInfo qemu = CpuModelInfoJson.read(api.path("qemu"), "$");
        assertThat(gcm(READER, "show", "-o", "args").out().strip()).isEqualTo("-cpu " + qemu.toCpuArgument());
        assertThat(CpuModelInfoJson.read(JSON.readTree(gcm(READER, "show", "-o", "qemu").out()), "$")).isEqualTo(qemu);
        assertThat(gcm(READER, "show", "-o", "libvirt").out()).startsWith("<cpu").contains("<model fallback='forbid'>"
                + qemu.name() + "</model>");
        CliRun table = gcm(READER, "show");
        assertThat(table.out()).contains("GCM:         " + api.path("definition").path("name").asText(), "Limited by:");
        for (JsonNode l : api.path("limitedBy")) {
            assertThat(table.out()).contains(l.path("host").asText());
        }
    }

    @Test
    void checkExitsZeroOnApprovalAndOneOnRejectionWithOneLinePerReason(@TempDir Path dir) throws Exception {
        CliRun approved = gcm(GATE, "check", "--guest", "web1", "--target", "h3");
        assertThat(approved.exitCode()).as(approved.err()).isEqualTo(ExitCodes.OK);
        assertThat(approved.out()).startsWith("APPROVED  web1 -> h3");

        Path model = dir.resolve("guest.json");
        Files.writeString(model, "{\"name\": \"gen15a\", \"props\": {\"vxeh2\": true}}");
        CliRun rejectedJson = gcm(GATE, "check", "--model", model.toString(), "--target", "h3", "-o", "json");
        assertThat(rejectedJson.exitCode()).isEqualTo(ExitCodes.REJECTED);
        JsonNode doc = json(rejectedJson);
        assertThat(doc.path("apiVersion").asText()).isEqualTo("gcm/v1");
        assertThat(doc.path("kind").asText()).isEqualTo("MigrationDecision");
        assertThat(doc.path("approved").asBoolean()).isFalse();
        assertThat(doc.path("reasons").findValuesAsText("code")).contains("MISSING_FEATURES", "MODEL_TOO_NEW");

        CliRun rejected = gcm(GATE, "check", "--model", model.toString(), "--target", "h3", "--no-headers");
        assertThat(rejected.exitCode()).isEqualTo(ExitCodes.REJECTED);
        List<String> lines = rejected.out().lines().toList();
        assertThat(lines).hasSize(doc.path("reasons").size());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).startsWith(doc.path("reasons").get(i).path("code").asText());
        }
        CliRun stdin = CliRun.withStdin("{\"name\": \"z13-base\"}", "check", "--model", "-", "--target", "h1",
                "--planner", url, "--token", GATE);
        assertThat(stdin.exitCode()).as(stdin.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void checkRefusesBadInputWithExitTwo(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"name\": ");
        assertThat(gcm(GATE, "check", "--model", broken.toString(), "--target", "h1").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun unknown = gcm(GATE, "check", "--model", "z99", "--target", "h1");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("z99");
        assertThat(gcm(GATE, "check", "--guest", "web1").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(gcm(GATE, "check", "--guest", "web1", "--model", "z13", "--target", "h1").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(gcm(GATE, "check", "--guest", "nobody", "--target", "h1").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(gcm(READER, "check", "--guest", "web1", "--target", "h3").err()).contains("HTTP 403");
        CliRun noToken = CliRun.of("check", "--guest", "web1", "--target", "h3", "--planner", url);
        assertThat(noToken.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noToken.err()).contains("HTTP 401");
    }

    @Test
    void tokenFileIsRead(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, READER + "\n");
        CliRun run = CliRun.of("hosts", "--planner", url, "--token-file", token.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void whatIfShowsTheGcmWithoutAHostAndChangesNothing() throws Exception {
        long before = planner.http().get("/api/v1/hosts", READER).json().path("hosts").size();
        CliRun run = gcm(GATE, "what-if", "--remove", "h3", "--add", "gen16a", "-o", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = json(run);
        assertThat(doc.path("kind").asText()).isEqualTo("WhatIf");
        assertThat(doc.path("before").path("hostCount").asInt()).isEqualTo(doc.path("after").path("hostCount").asInt());
        assertThat(doc.path("after").path("features").size())
                .isGreaterThan(doc.path("before").path("features").size());
        assertThat(planner.http().get("/api/v1/hosts", READER).json().path("hosts").size()).isEqualTo(before);
        assertThat(gcm(GATE, "what-if", "--remove", "h3").out()).contains("before", "after");
        assertThat(gcm(GATE, "what-if").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(gcm(GATE, "what-if", "--remove", "nope").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void whatIfAddsRealisticHostsAndSaysWhyGuestsLoseTheirPlace() throws Exception {
        JsonNode doc = json(gcm(GATE, "what-if", "--add", "like:h2", "--add", "gen16a", "-o", "json"));
        assertThat(doc.path("added").findValuesAsText("origin")).containsExactly("like h2",
                "definition gen16a as a KVM host");
        CliRun run = gcm(GATE, "what-if", "--remove", "h2", "--remove", "h3", "--add", "z196", "-o", "wide");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Added new-1: definition z196 as a KVM host", "Limited by, after:",
                "Guests that would lose their last target:", "Guests that could not run on an added host:");
        String web1 = run.out().lines().filter(l -> l.startsWith("web1 ")).findFirst().orElseThrow();
        assertThat(web1).contains("MODEL_TOO_NEW", "host 'new-1'", "the hosts that could take it are removed: h3");
        CliRun unknown = gcm(GATE, "what-if", "--add", "like:nope");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no host 'nope' to copy");
    }

    @Test
    void evacuationPlansEveryGuest() throws Exception {
        CliRun run = gcm(GATE, "plan", "evacuate", "h1", "-o", "json");
        JsonNode plan = json(run);
        assertThat(plan.path("kind").asText()).isEqualTo("EvacuationPlan");
        assertThat(plan.path("guests").findValuesAsText("guest")).containsExactlyInAnyOrder("web1", "db1");
        boolean everyGuestHasATarget = true;
        for (JsonNode g : plan.path("guests")) {
            everyGuestHasATarget &= !g.path("targets").isEmpty();
        }
        assertThat(run.exitCode()).isEqualTo(everyGuestHasATarget ? ExitCodes.OK : ExitCodes.REJECTED);
        assertThat(gcm(GATE, "plan", "evacuate", "h1").out()).contains("web1", "db1");
    }

    @Test
    void decisionsListsWhatTheGateDecided() throws Exception {
        json(gcm(GATE, "check", "--guest", "db1", "--target", "h2", "-o", "json"));
        JsonNode log = json(gcm(READER, "decisions", "--since", "1h", "-o", "json"));
        assertThat(log.path("kind").asText()).isEqualTo("DecisionList");
        assertThat(log.path("decisions").findValuesAsText("guest")).contains("db1");
        JsonNode future = json(gcm(READER, "decisions", "--since", "2999-01-01T00:00:00Z", "-o", "json"));
        assertThat(future.path("decisions")).isEmpty();
        assertThat(gcm(READER, "decisions", "--since", "yesterday").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(gcm(READER, "decisions").out()).contains("db1");
    }

    @Test
    void globalOptionsGoBeforeOrAfterTheCommand() {
        assertThat(CliRun.of("--planner", url, "--token", READER, "hosts").exitCode()).isZero();
        assertThat(CliRun.of("hosts", "--planner", url, "--token", READER).exitCode()).isZero();
        CliRun mixed = CliRun.of("--token", READER, "hosts", "show", "h1", "--planner", url);
        assertThat(mixed.exitCode()).as(mixed.err()).isZero();
        assertThat(mixed.out()).contains("Host:        h1");
    }

    @Test
    void unknownNamesGetTheNearestKnownOnes() {
        CliRun host = gcm(READER, "hosts", "show", "hh1");
        assertThat(host.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(host.err()).contains("no host 'hh1'").contains("did you mean 'h1'?");
        CliRun pool = gcm(READER, "show", "--pool", "defualt");
        assertThat(pool.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(pool.err()).contains("did you mean 'default'?");
        CliRun target = gcm(GATE, "check", "--guest", "web1", "--target", "h33");
        assertThat(target.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(target.out()).contains("TARGET_UNKNOWN");
        assertThat(target.err()).contains("no host 'h33' (did you mean 'h3'?)");
        CliRun model = gcm(GATE, "check", "--model", "Z14", "--target", "h1");
        assertThat(model.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(model.err()).contains("unknown CPU model Z14 (did you mean 'z14'?)");
        CliRun z99 = gcm(GATE, "check", "--model", "z99", "--target", "h1");
        assertThat(z99.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(z99.err()).startsWith("gcm: error: unknown CPU model z99").doesNotContain("INVALID_JSON");
        CliRun added = gcm(GATE, "what-if", "--add", "gen16");
        assertThat(added.err()).contains("did you mean 'gen16a' or 'gen16b'?");
    }

    @Test
    void hostsPageThroughThePlannerAndFilterThere() throws Exception {
        CliRun chunked = gcm(READER, "hosts", "--chunk-size", "1", "--no-headers");
        assertThat(chunked.exitCode()).as(chunked.err()).isZero();
        assertThat(chunked.out().lines().map(l -> l.split(" ")[0]).toList()).containsExactly("h1", "h2", "h3");
        JsonNode doc = json(gcm(READER, "hosts", "--chunk-size", "2", "-o", "json"));
        assertThat(doc.path("hosts").findValuesAsText("hostId")).containsExactly("h1", "h2", "h3");
        assertThat(doc.path("total").asInt()).isEqualTo(3);
        assertThat(gcm(READER, "hosts", "-l", "zone notin (b)", "--no-headers").out().lines()
                .map(l -> l.split(" ")[0]).toList()).containsExactly("h1", "h3");
        assertThat(gcm(READER, "hosts", "--selector", "zone=b", "--state", "fresh,stale", "--no-headers").out().lines()
                .map(l -> l.split(" ")[0]).toList()).containsExactly("h2");
        CliRun limited = gcm(READER, "hosts", "--limit", "2", "--chunk-size", "1", "--no-headers");
        assertThat(limited.out().lines()).hasSize(2);
        assertThat(limited.err()).contains("2 of 3 matching hosts shown");
        CliRun bad = gcm(READER, "hosts", "-l", "zone in (a");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("selector 'zone in (a' at character").doesNotContain("Exception");
        CliRun state = gcm(READER, "hosts", "--state", "sleepy");
        assertThat(state.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(state.err()).contains("unknown state 'sleepy'; use fresh, stale, cordoned, leaving or ready");
        assertThat(gcm(READER, "hosts", "--chunk-size", "20000").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void hostsShowTheirLabelsWhenAsked() {
        CliRun run = gcm(READER, "hosts", "--show-labels");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).endsWith("LABELS");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("h1 ").endsWith("zone=a"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("h2 ").endsWith("zone=b"));
        assertThat(gcm(READER, "hosts").out().lines().findFirst().orElseThrow()).doesNotContain("LABELS");
    }

    @Test
    void theDecisionLogIsNewestFirstInEveryForm() throws Exception {
        json(gcm(GATE, "check", "--guest", "db1", "--target", "h2", "-o", "json"));
        JsonNode last = json(gcm(GATE, "check", "--guest", "app1", "--target", "h1", "-o", "json"));
        JsonNode log = json(gcm(READER, "decisions", "-o", "json"));
        List<String> times = log.path("decisions").findValuesAsText("time");
        assertThat(times).isSortedAccordingTo(java.util.Comparator.comparing(java.time.Instant::parse).reversed());
        assertThat(log.path("decisions").get(0).path("decisionId").asText()).isEqualTo(last.path("decisionId").asText());
        List<String> rows = gcm(READER, "decisions", "--no-headers").out().lines().toList();
        assertThat(rows.get(0)).contains("app1").contains(" h1 ");
    }

    @Test
    void eachCommandOffersOnlyItsOwnOutputForms() {
        CliRun hosts = gcm(READER, "hosts", "-o", "qemu");
        assertThat(hosts.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(hosts.err()).contains("-o qemu is not offered here; use one of table, wide, json, yaml");
        assertThat(CliRun.of("hosts", "--help").out()).contains("table, wide, json or yaml").doesNotContain("libvirt");
        assertThat(CliRun.of("show", "--help").out()).contains("qemu, args or libvirt");
        assertThat(gcm(READER, "show", "-o", "ARGS").out()).startsWith("-cpu ");
    }

    @Test
    void completionAsksThePlannerForHostsAndPools(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("gcm.bash");
        Files.writeString(script, CliRun.of("completion", "bash").out());
        String launcher = Path.of("target", "gcm").toAbsolutePath().toString();
        assertThat(dev.gcm.cli.ConventionsTest.complete(script, launcher, "--planner", url, "--token", READER, "hosts",
                "show", "")).containsExactly("h1", "h2", "h3");
        assertThat(dev.gcm.cli.ConventionsTest.complete(script, launcher, "check", "--planner", url, "--token", READER,
                "--target", "h")).containsExactly("h1", "h2", "h3");
        assertThat(dev.gcm.cli.ConventionsTest.complete(script, launcher, "show", "--planner", url, "--token", READER,
                "--pool", "")).contains("default");
        assertThat(dev.gcm.cli.ConventionsTest.complete(script, launcher, "hosts", "--planner", url, "--token", READER,
                "--pool", "")).contains("default");
        assertThat(dev.gcm.cli.ConventionsTest.complete(script, launcher, "what-if", "--planner", url, "--token", GATE,
                "--remove", "h")).containsExactly("h1", "h2", "h3");
    }

    @Test
    void completionCoversTheCommands() {
        CliRun run = CliRun.of("completion", "bash");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete -F", "hosts", "check", "what-if", "evacuate");
        assertThat(CliRun.of("completion", "fish").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void everyCommandPrintsTheSameVersionedDocumentAsJsonAndAsYaml() throws Exception {
        List<List<String>> commands = List.of(List.of("hosts"), List.of("hosts", "show", "h1"), List.of("pools"),
                List.of("show"), List.of("decisions"), List.of("plan", "evacuate", "h1"), List.of("what-if", "--remove", "h3"),
                List.of("check", "--guest", "web1", "--target", "h3"));
        for (List<String> command : commands) {
            List<String> json = new ArrayList<>(command);
            json.addAll(List.of("-o", "json"));
            List<String> yaml = new ArrayList<>(command);
            yaml.addAll(List.of("-o", "yaml"));
            JsonNode a = JSON.readTree(gcm(ADMIN, json.toArray(String[]::new)).out());
            JsonNode b = YAML.readTree(gcm(ADMIN, yaml.toArray(String[]::new)).out());
            assertThat(a.path("apiVersion").asText()).as("%s", command).isEqualTo("gcm/v1");
            assertThat(b.path("kind").asText()).as("%s", command).isEqualTo(a.path("kind").asText()).isNotEmpty();
            assertThat(b.fieldNames()).toIterable().as("%s", command).containsExactlyElementsOf(() -> a.fieldNames());
        }
    }

    @Test
    void poolsSetTakesAFloorAndSoftFacilities() throws Exception {
        CliRun set = gcm(ADMIN, "pools", "set", "floored", "--selector", "zone=a", "--floor", "z14", "--soft", "-o", "json");
        assertThat(set.exitCode()).as(set.err()).isZero();
        JsonNode pool = json(set);
        assertThat(pool.path("floor").path("name").asText()).isEqualTo("z14");
        assertThat(pool.path("soft").asBoolean()).isTrue();
        JsonNode gcm = json(gcm(READER, "show", "--pool", "floored", "-o", "json"));
        assertThat(gcm.path("quarantined").has("h3")).as("h3 (z13) cannot run the z14 floor").isTrue();
        assertThat(gcm.path("hostCount").asInt()).isEqualTo(1);
        assertThat(gcm.path("limitedBy").findValues("capsIbc")).allSatisfy(v -> assertThat(v.isBoolean()).isTrue());
    }

    @Test
    void poolsSetTakesStrictIbcAndDeprecatedFeaturesAndShowSaysSo() throws Exception {
        CliRun set = gcm(ADMIN, "pools", "set", "strict", "--selector", "zone=a", "--strict-ibc",
                "--deprecated-features", "off");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("strict IBC", "deprecated features off");
        JsonNode api = planner.http().get("/api/v1/pools/strict/gcm", READER).json();
        assertThat(api.path("options").path("strictIbc").asBoolean()).isTrue();
        assertThat(api.path("options").path("deprecatedFeatures").asText()).isEqualTo("off");
        CliRun show = gcm(READER, "show", "--pool", "strict");
        assertThat(show.out()).contains("QEMU view:", "computed in the view of QEMU");
        if (api.path("common").asBoolean()) {
            assertThat(show.out()).contains("Options:", "deprecated features off");
            assertThat(gcm(READER, "show", "--pool", "strict", "-o", "args").out()).contains("csske=off");
            assertThat(gcm(READER, "show", "--pool", "strict", "-o", "libvirt").out())
                    .contains("<feature policy='disable' name='csske'/>");
        }
        assertThat(gcm(READER, "pools", "-o", "wide").out()).contains("STRICT-IBC", "DEPRECATED");
        assertThat(gcm(ADMIN, "pools", "set", "x", "--deprecated-features", "maybe").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
