package dev.gcm.planner.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.planner.gate.ConditionResult;
import dev.gcm.planner.gate.MigrationGate;
import dev.gcm.planner.model.Reason;
import dev.gcm.planner.model.ReasonCode;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A migration check's answer and its decision log entry, written straight out with Jackson's streaming
 * generator: the gate answers thousands of checks a second, and building a tree of each first cost as
 * much as the rest of the check. The shapes are the API's (openapi.yaml, {@code Decision}) and the log's.
 */
final class DecisionJson {

    /** What a check answers about, beside the verdict. */
    record Subject(String decisionId, String target, String guest, Optional<String> source) {
    }

    /** Facts of the log entry beyond the answer's. */
    record Entry(String time, String caller, Optional<String> guestUuid, Optional<String> machineType,
                 Optional<String> requestedBy, CpuModelInfo model) {
    }

    private static final int MAX_REMEMBERED = 16_384;
    private static final ConcurrentHashMap<Identity, SerializableString> COMPARISONS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Identity, SerializableString> FEATURE_LISTS = new ConcurrentHashMap<>();
    /** A condition's JSON by its name, for conditions that hold and for those that do not. */
    private static final ConcurrentHashMap<String, SerializableString> HOLDING = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, SerializableString> FAILING = new ConcurrentHashMap<>();
    /** Each reason code's name, quoted once. */
    private static final SerializableString[] CODES = Arrays.stream(ReasonCode.values())
            .map(c -> new SerializedString(c.name())).toArray(SerializableString[]::new);

    private DecisionJson() {
    }

    /** The answer: the verdict (decision, reasons, notices, conditions, comparison), then the subject. */
    static Buffer answer(MigrationGate.Verdict v, Subject s) {
        BufferOutput out = new BufferOutput();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName(Names.DECISION);
            g.writeString(v.approved() ? Names.APPROVED : Names.REJECTED);
            reasons(g, Names.REASONS, v.reasons());
            reasons(g, Names.NOTICES, v.notices());
            g.writeFieldName(Names.CONDITIONS);
            g.writeStartArray();
            for (ConditionResult c : v.conditions()) {
                g.writeRawValue(condition(c));
            }
            g.writeEndArray();
            if (v.comparison().isPresent()) {
                g.writeFieldName(Names.COMPARISON);
                g.writeRawValue(comparison(v.comparison().get()));
            }
            field(g, Names.DECISION_ID, s.decisionId());
            field(g, Names.TARGET, s.target());
            field(g, Names.GUEST, s.guest());
            optional(g, Names.SOURCE, s.source());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.buffer();
    }

    /**
     * The field names and fixed values of answers and entries, quoted and encoded once: Jackson copies their
     * bytes rather than escaping them character by character for every check.
     */
    private static final class Names {
        static final SerializedString DECISION = new SerializedString("decision");
        static final SerializedString APPROVED = new SerializedString("approved");
        static final SerializedString REJECTED = new SerializedString("rejected");
        static final SerializedString REASONS = new SerializedString("reasons");
        static final SerializedString NOTICES = new SerializedString("notices");
        static final SerializedString CONDITIONS = new SerializedString("conditions");
        static final SerializedString COMPARISON = new SerializedString("comparison");
        static final SerializedString DECISION_ID = new SerializedString("decisionId");
        static final SerializedString TARGET = new SerializedString("target");
        static final SerializedString GUEST = new SerializedString("guest");
        static final SerializedString SOURCE = new SerializedString("source");
        static final SerializedString CODE = new SerializedString("code");
        static final SerializedString MESSAGE = new SerializedString("message");
        static final SerializedString FEATURES = new SerializedString("features");
        static final SerializedString TIME = new SerializedString("time");
        static final SerializedString CALLER = new SerializedString("caller");
        static final SerializedString GUEST_UUID = new SerializedString("guestUuid");
        static final SerializedString MACHINE_TYPE = new SerializedString("machineType");
        static final SerializedString REQUESTED_BY = new SerializedString("requestedBy");
        static final SerializedString MODEL = new SerializedString("model");

        private Names() {
        }
    }

    /**
     * Jackson's output straight into the answer's buffer: the generator fills its own recycled buffer and
     * hands it over in one piece at the end (an answer shorter than that buffer, as nearly all are), so the
     * answer's buffer is made once, of its exact size, and not grown or copied.
     */
    private static final class BufferOutput extends OutputStream {
        private Buffer buffer;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (buffer == null) {
                buffer = Buffer.buffer(len);
            }
            buffer.appendBytes(b, off, len);
        }

        Buffer buffer() {
            return buffer == null ? Buffer.buffer(0) : buffer;
        }
    }

    /**
     * A comparison as JSON, remembered: the gate's comparisons are themselves remembered (the same instance
     * for the same two models), and the feature list of one is most of an answer's bytes.
     */
    private static SerializableString comparison(Comparison.Result c) {
        return remembered(COMPARISONS, c, g -> {
            g.writeStartObject();
            g.writeStringField("result", c.result().qemuName());
            strings(g, "responsible-properties", c.responsibleProperties());
            g.writeEndObject();
        });
    }

    /**
     * A condition as JSON ({@code {"condition": NAME, "holds": BOOLEAN}}), made once per name and outcome: the
     * gate has a dozen conditions, and every answer lists them all.
     */
    private static SerializableString condition(ConditionResult c) {
        ConcurrentHashMap<String, SerializableString> known = c.holds() ? HOLDING : FAILING;
        SerializableString json = known.get(c.condition());
        if (json == null) {
            json = new SerializedString(written(g -> {
                g.writeStartObject();
                g.writeStringField("condition", c.condition());
                g.writeBooleanField("holds", c.holds());
                g.writeEndObject();
            }));
            known.put(c.condition(), json);
        }
        return json;
    }

    /**
     * A reason's features as a JSON array, remembered: a rejection for missing features carries the list of its
     * remembered comparison (the same instance each time), often dozens of names.
     */
    private static SerializableString features(List<String> names) {
        return remembered(FEATURE_LISTS, names, g -> array(g, names));
    }

    /** What {@code write} makes of {@code of}, made once per instance (bounded: when full it starts over). */
    private static SerializableString remembered(ConcurrentHashMap<Identity, SerializableString> cache, Object of,
                                                 Writing write) {
        Identity key = new Identity(of);
        SerializableString known = cache.get(key);
        if (known == null) {
            known = new SerializedString(written(write));
            if (cache.size() >= MAX_REMEMBERED) {
                cache.clear();
            }
            cache.put(key, known);
        }
        return known;
    }

    private static String written(Writing write) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            write.to(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes one JSON value. */
    private interface Writing {
        void to(JsonGenerator g) throws IOException;
    }

    /** A key that is its object's identity (comparison results are compared by content otherwise). */
    private record Identity(Object of) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.of == of;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(of);
        }
    }

    /** The decision log's line: who asked what about which guest and target, and what was decided. */
    static String entry(MigrationGate.Verdict v, Subject s, Entry e) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            field(g, Names.DECISION_ID, s.decisionId());
            field(g, Names.TIME, e.time());
            field(g, Names.CALLER, e.caller());
            field(g, Names.GUEST, s.guest());
            field(g, Names.TARGET, s.target());
            g.writeFieldName(Names.DECISION);
            g.writeString(v.approved() ? Names.APPROVED : Names.REJECTED);
            optional(g, Names.SOURCE, s.source());
            optional(g, Names.GUEST_UUID, e.guestUuid());
            optional(g, Names.MACHINE_TYPE, e.machineType());
            optional(g, Names.REQUESTED_BY, e.requestedBy());
            g.writeFieldName(Names.MODEL);
            CpuModelInfoJson.write(e.model(), g);
            g.writeFieldName(Names.REASONS);
            g.writeStartArray();
            for (Reason r : v.reasons()) {
                g.writeString(CODES[r.code().ordinal()]);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return out.toString();
    }

    /** Reasons as the API gives them: code, message, and the features at issue when there are any. */
    private static void reasons(JsonGenerator g, SerializableString field, List<Reason> reasons) throws IOException {
        g.writeFieldName(field);
        g.writeStartArray();
        for (Reason r : reasons) {
            g.writeStartObject();
            g.writeFieldName(Names.CODE);
            g.writeString(CODES[r.code().ordinal()]);
            if (r.message() != null && !r.message().isEmpty()) {
                field(g, Names.MESSAGE, r.message());
            }
            if (!r.features().isEmpty()) {
                g.writeFieldName(Names.FEATURES);
                g.writeRawValue(features(r.features()));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeFieldName(field);
        array(g, values);
    }

    private static void array(JsonGenerator g, List<String> values) throws IOException {
        g.writeStartArray();
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private static void field(JsonGenerator g, SerializableString name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    private static void optional(JsonGenerator g, SerializableString name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            field(g, name, value.get());
        }
    }
}
