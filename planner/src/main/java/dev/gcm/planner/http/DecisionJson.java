package dev.gcm.planner.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.planner.gate.ConditionResult;
import dev.gcm.planner.gate.MigrationGate;
import dev.gcm.planner.model.Reason;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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
                 Optional<String> requestedBy, JsonNode model) {
    }

    private static final int MAX_REMEMBERED = 16_384;
    private static final ConcurrentHashMap<Identity, SerializableString> COMPARISONS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Identity, SerializableString> FEATURE_LISTS = new ConcurrentHashMap<>();

    private DecisionJson() {
    }

    /** The answer: the verdict (decision, reasons, notices, conditions, comparison), then the subject. */
    static Buffer answer(MigrationGate.Verdict v, Subject s) {
        BufferOutput out = new BufferOutput();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("decision", v.approved() ? "approved" : "rejected");
            reasons(g, "reasons", v.reasons());
            reasons(g, "notices", v.notices());
            g.writeArrayFieldStart("conditions");
            for (ConditionResult c : v.conditions()) {
                g.writeStartObject();
                g.writeStringField("condition", c.condition());
                g.writeBooleanField("holds", c.holds());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (v.comparison().isPresent()) {
                g.writeFieldName("comparison");
                g.writeRawValue(comparison(v.comparison().get()));
            }
            g.writeStringField("decisionId", s.decisionId());
            g.writeStringField("target", s.target());
            g.writeStringField("guest", s.guest());
            if (s.source().isPresent()) {
                g.writeStringField("source", s.source().get());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.buffer();
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
            StringWriter out = new StringWriter(512);
            try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
                write.to(g);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            known = new SerializedString(out.toString());
            if (cache.size() >= MAX_REMEMBERED) {
                cache.clear();
            }
            cache.put(key, known);
        }
        return known;
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
            g.writeStringField("decisionId", s.decisionId());
            g.writeStringField("time", e.time());
            g.writeStringField("caller", e.caller());
            g.writeStringField("guest", s.guest());
            g.writeStringField("target", s.target());
            g.writeStringField("decision", v.approved() ? "approved" : "rejected");
            optional(g, "source", s.source());
            optional(g, "guestUuid", e.guestUuid());
            optional(g, "machineType", e.machineType());
            optional(g, "requestedBy", e.requestedBy());
            g.writeFieldName("model");
            g.writeTree(e.model());
            g.writeArrayFieldStart("reasons");
            for (Reason r : v.reasons()) {
                g.writeString(r.code().name());
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return out.toString();
    }

    /** Reasons as the API gives them: code, message, and the features at issue when there are any. */
    private static void reasons(JsonGenerator g, String field, List<Reason> reasons) throws IOException {
        g.writeArrayFieldStart(field);
        for (Reason r : reasons) {
            g.writeStartObject();
            g.writeStringField("code", r.code().name());
            if (r.message() != null && !r.message().isEmpty()) {
                g.writeStringField("message", r.message());
            }
            if (!r.features().isEmpty()) {
                g.writeFieldName("features");
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

    private static void optional(JsonGenerator g, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(field, value.get());
        }
    }
}
