package dev.gcm.planner.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.json.InvalidJsonException;
import dev.gcm.hypervisor.record.HostRecordJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.List;

/**
 * Reading request bodies (strictly: duplicate keys and deep nesting are refused) and writing JSON
 * answers. An answer given before the request's body was read, and every 401 and 403, closes the
 * connection: what the client still sends is never read.
 */
final class Json {

    static final ObjectMapper MAPPER = HostRecordJson.mapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static ArrayNode strings(List<String> values) {
        return CpuModelInfoJson.writeNames(values);
    }

    /** The request body as a JSON object; 400 naming the problem otherwise. */
    static JsonNode body(RoutingContext ctx) {
        return parse(ctx.body() == null ? null : ctx.body().buffer());
    }

    /** Bytes as a JSON object; 400 INVALID_JSON naming the problem otherwise (never another exception). */
    static JsonNode parse(Buffer bytes) {
        if (bytes == null || bytes.length() == 0) {
            throw ApiError.badRequest("INVALID_JSON", "the request needs a JSON body");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes.getBytes());
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("INVALID_JSON", HostRecordJson.malformed(e));
        } catch (IOException e) {
            throw ApiError.badRequest("INVALID_JSON", "unreadable body: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw invalid(new InvalidJsonException("$", "expected a JSON object"));
        }
        return node;
    }

    static ApiError invalid(InvalidJsonException e) {
        return new ApiError(400, "INVALID_JSON", e.getMessage(), object().put("field", e.field()));
    }

    /** A 400 INVALID_JSON naming the field at fault. */
    static ApiError badField(String field, String message) {
        return new ApiError(400, "INVALID_JSON", field + ": " + message, object().put("field", field));
    }

    static void ok(RoutingContext ctx, JsonNode body) {
        send(ctx.request(), 200, body);
    }

    /** An answer already written out ({@link #bytes}). */
    static void okWritten(RoutingContext ctx, Buffer body) {
        send(ctx.request(), 200, body);
    }

    /** A JSON document written out. */
    static Buffer bytes(JsonNode body) {
        try {
            return Buffer.buffer(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void send(RoutingContext ctx, int status, JsonNode body) {
        send(ctx.request(), status, body);
    }

    /** Whether the request announced a body that has not all been read (an answer now leaves the rest unread). */
    static boolean bodyUnread(HttpServerRequest request) {
        if (request.isEnded()) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING) || length != null && !length.trim().equals("0");
    }

    /** Sends a JSON answer; closes the connection after it when the body was not read, or on 401 and 403. */
    static void send(HttpServerRequest request, int status, JsonNode body) {
        send(request, status, bytes(body));
    }

    private static void send(HttpServerRequest request, int status, Buffer body) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return;
        }
        boolean close = status == 401 || status == 403 || bodyUnread(request);
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.end(body);
        if (close) {
            // at once: Vert.x flushes the answer before the channel closes, and reads no more of the body
            request.connection().close();
        }
    }
}
