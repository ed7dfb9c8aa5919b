package dev.gcm.planner.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.json.InvalidJsonException;
import dev.gcm.hypervisor.record.HostRecordJson;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Reading request bodies and writing JSON answers. */
final class Json {

    static final ObjectMapper MAPPER = HostRecordJson.mapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode strings(List<String> values) {
        return CpuModelInfoJson.writeNames(values);
    }

    /** The request body as a JSON object; 400 naming the problem otherwise. */
    static JsonNode body(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest("INVALID_JSON", "the request needs a JSON body");
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new InvalidJsonException("$", "expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("INVALID_JSON", "malformed JSON at line " + e.getLocation().getLineNr()
                    + ": " + e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source.*", ""));
        } catch (InvalidJsonException e) {
            throw invalid(e);
        }
    }

    static ApiError invalid(InvalidJsonException e) {
        ObjectNode detail = object().put("field", e.field());
        return new ApiError(400, "INVALID_JSON", e.getMessage(), detail);
    }

    static void send(RoutingContext ctx, int status, JsonNode body) {
        try {
            ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
                    .end(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void ok(RoutingContext ctx, JsonNode body) {
        send(ctx, 200, body);
    }
}
