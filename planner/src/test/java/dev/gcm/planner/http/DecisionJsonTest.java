package dev.gcm.planner.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.planner.gate.ConditionResult;
import dev.gcm.planner.gate.MigrationGate;
import dev.gcm.planner.model.Reason;
import dev.gcm.planner.model.ReasonCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The check's answer and log entry, written by hand-fed generators and remembered pieces, against the same
 * shapes built as trees here: random verdicts (a condition holding in one and failing in the next, texts that
 * need escaping), seeded.
 */
class DecisionJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CONDITIONS = {"quorum", "cpu-model", "fresh", "not-cordoned", "soft-fingerprint"};
    private static final String[] TEXTS = {"h1", "host-000777", "quote\"d", "back\\slash", "tab\tin", "\u00e9t\u00e9",
        "\u202eleft", "ctl\u0001"};

    @Test
    void answersAndEntriesHaveTheApisShapes() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            List<ConditionResult> conditions = new ArrayList<>();
            for (String name : CONDITIONS) {
                conditions.add(condition(random, name));
            }
            MigrationGate.Verdict v = new MigrationGate.Verdict(conditions, Optional.empty());
            DecisionJson.Subject subject = new DecisionJson.Subject("id-" + i, text(random), text(random),
                    random.nextBoolean() ? Optional.of(text(random)) : Optional.empty());
            JsonNode answer = JSON.readTree(DecisionJson.answer(v, subject).getBytes());
            assertThat(answer).as("seed %d, case %d", seed, i).isEqualTo(expectedAnswer(v, subject));

            Map<String, Boolean> props = new LinkedHashMap<>();
            props.put(text(random), random.nextBoolean());
            CpuModelInfo model = new CpuModelInfo(text(random), props);
            DecisionJson.Entry e = new DecisionJson.Entry("2026-12-03T06:00:00Z", text(random), Optional.empty(),
                    Optional.of("s390-ccw-virtio-7.2"), Optional.of("libvirt-hook"), model);
            JsonNode entry = JSON.readTree(DecisionJson.entry(v, subject, e));
            assertThat(entry).as("seed %d, case %d", seed, i).isEqualTo(expectedEntry(v, subject, e));
        }
    }

    private static ConditionResult condition(Random random, String name) {
        if (random.nextBoolean()) {
            return ConditionResult.holds(name);
        }
        List<String> features = new ArrayList<>();
        for (int f = random.nextInt(3); f > 0; f--) {
            features.add(text(random));
        }
        ReasonCode code = ReasonCode.values()[random.nextInt(ReasonCode.values().length)];
        return ConditionResult.fails(name, List.of(new Reason(code, "because " + text(random), features)));
    }

    private static String text(Random random) {
        return TEXTS[random.nextInt(TEXTS.length)];
    }

    private static ObjectNode expectedAnswer(MigrationGate.Verdict v, DecisionJson.Subject s) {
        ObjectNode o = JSON.createObjectNode().put("decision", v.approved() ? "approved" : "rejected");
        o.set("reasons", reasons(v.reasons()));
        o.set("notices", reasons(v.notices()));
        ArrayNode conditions = o.putArray("conditions");
        for (ConditionResult c : v.conditions()) {
            conditions.addObject().put("condition", c.condition()).put("holds", c.holds());
        }
        o.put("decisionId", s.decisionId()).put("target", s.target()).put("guest", s.guest());
        s.source().ifPresent(x -> o.put("source", x));
        return o;
    }

    /** Reasons in the shape every other answer gives them (Jackson's mapping of {@link Reason}, as Views writes it). */
    private static ArrayNode reasons(List<Reason> reasons) {
        return Views.reasons(reasons);
    }

    private static ObjectNode expectedEntry(MigrationGate.Verdict v, DecisionJson.Subject s, DecisionJson.Entry e) {
        ObjectNode o = JSON.createObjectNode().put("decisionId", s.decisionId()).put("time", e.time())
                .put("caller", e.caller()).put("guest", s.guest()).put("target", s.target())
                .put("decision", v.approved() ? "approved" : "rejected");
        s.source().ifPresent(x -> o.put("source", x));
        e.guestUuid().ifPresent(x -> o.put("guestUuid", x));
        e.machineType().ifPresent(x -> o.put("machineType", x));
        e.requestedBy().ifPresent(x -> o.put("requestedBy", x));
        o.set("model", CpuModelInfoJson.write(e.model()));
        ArrayNode codes = o.putArray("reasons");
        v.reasons().forEach(r -> codes.add(r.code().name()));
        return o;
    }
}
