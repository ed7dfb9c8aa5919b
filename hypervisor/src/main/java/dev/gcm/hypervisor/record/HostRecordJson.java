package dev.gcm.hypervisor.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gcm.facilitydb.json.InvalidJsonException;
import dev.gcm.facilitydb.json.StrictJson;
import java.io.UncheckedIOException;

/**
 * Host records to and from JSON, strictly: unknown fields, wrong types, duplicate keys and deep nesting
 * ({@link StrictJson}) are errors naming the field; {@code null} is not a record.
 */
public final class HostRecordJson {

    private static final ObjectMapper MAPPER = strictMapper();

    private HostRecordJson() {
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper m = new ObjectMapper(StrictJson.factory())
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // no "true" for true, no 1 for true, no "12" for 12
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return m;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads one record.
     *
     * @throws InvalidJsonException naming the field at fault, for malformed JSON or a wrong shape
     */
    public static HostRecord read(byte[] json) {
        try {
            HostRecord r = MAPPER.readValue(json, HostRecord.class);
            if (r == null) {
                throw new InvalidJsonException("$", "expected a host record object, not null");
            }
            return r;
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidJsonException(path(e), "unknown field '" + e.getPropertyName() + "'");
        } catch (MismatchedInputException e) {
            throw new InvalidJsonException(path(e), e.getOriginalMessage().replaceAll(" at \\[Source.*", ""));
        } catch (JsonProcessingException e) {
            throw new InvalidJsonException("$", malformed(e));
        } catch (java.io.IOException e) {
            // bytes in no encoding JSON allows (Jackson reads them as UTF-32 and fails): found by fuzzing
            throw new InvalidJsonException("$", "unreadable JSON: " + e.getMessage());
        }
    }

    public static String write(HostRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with JSON that does not parse, with the line where it can tell (never the whole input). */
    public static String malformed(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
        String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
                : e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source.*", "");
        return "malformed JSON" + where + ": " + what;
    }

    private static String path(MismatchedInputException e) {
        StringBuilder sb = new StringBuilder("$");
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
