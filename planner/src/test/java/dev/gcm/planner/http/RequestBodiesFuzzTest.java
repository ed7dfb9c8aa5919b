package dev.gcm.planner.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.planner.plan.WhatIf;
import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/**
 * Any bytes as the body of a migration check, a pool definition, a what-if, a baseline or a comparison (JSON,
 * and the XML bodies of the last two), and any text as a model given in a JSON string:
 * each parser either reads the body or refuses it with a 4xx {@link ApiError} (what the planner answers),
 * never anything else (which would be a 500). Seeds: RequestBodiesFuzzTestInputs/METHOD; fuzzing: see
 * planner/README.md.
 */
class RequestBodiesFuzzTest {

    private static final ModelResolver RESOLVER = new ModelResolver(Catalog.load());

    @FuzzTest(maxDuration = "5m")
    void check(byte[] data) {
        parse(data, body -> {
            CheckBody b = CheckBody.parse(body, new ModelCache(RESOLVER));
            assertThat(b.model().isPresent() || b.name().isPresent()).isTrue();
            assertThat(b.target()).isNotBlank().hasSizeLessThanOrEqualTo(BodyFields.MAX_HOST_ID);
        });
    }

    @FuzzTest(maxDuration = "5m")
    void pool(byte[] data) {
        parse(data, body -> assertThat(PoolBody.parse("p1", body, RESOLVER).selector()).hasSizeLessThanOrEqualTo(64));
    }

    @FuzzTest(maxDuration = "5m")
    void whatIf(byte[] data) {
        parse(data, body -> {
            WhatIf.Question q = WhatIfBody.parse("default", body, RESOLVER);
            assertThat(q.add()).hasSizeLessThanOrEqualTo(WhatIf.MAX_ADDED);
            assertThat(q.remove()).hasSizeLessThanOrEqualTo(WhatIf.MAX_REMOVED);
        });
    }

    @FuzzTest(maxDuration = "5m")
    void baselineAndCompare(byte[] data) {
        parse(data, body -> assertThat(ModelsHandler.baselineBody(body, RESOLVER)).isNotEmpty());
        parse(data, body -> assertThat(ModelsHandler.compareBody(body, RESOLVER)).hasSize(2));
    }

    /** Any bytes as an XML body of /baseline or /compare: read safely and resolved, or a 4xx. */
    @FuzzTest(maxDuration = "5m")
    void xmlBody(byte[] data) {
        refusedAs4xx(() -> XmlBodies.read(Buffer.buffer(data)).forEach(m ->
                BodyFields.model(RESOLVER, m.model(), "xml", "INVALID_MODEL")));
    }

    /** Any text as a model given in a JSON string (a name, -cpu, JSON, libvirt XML): read and resolved, or a 4xx. */
    @FuzzTest(maxDuration = "5m")
    void modelText(byte[] data) {
        String text = new String(data, java.nio.charset.StandardCharsets.UTF_8);
        refusedAs4xx(() -> BodyFields.model(RESOLVER, BodyFields.modelInfo(
                com.fasterxml.jackson.databind.node.TextNode.valueOf(text), "$.a"), "$.a", "INVALID_MODEL"));
    }

    private static void refusedAs4xx(Runnable read) {
        try {
            read.run();
        } catch (ApiError refused) {
            assertThat(refused.status()).as(refused.getMessage()).isBetween(400, 499);
            assertThat(refused.getMessage()).isNotBlank().hasSizeLessThanOrEqualTo(ApiError.MAX_MESSAGE + 40);
        }
    }

    /** Parses the bytes as a request body and reads it; a refusal must be a 4xx. */
    private static void parse(byte[] data, Consumer<JsonNode> read) {
        try {
            read.accept(Json.parse(Buffer.buffer(data)));
        } catch (ApiError refused) {
            assertThat(refused.status()).as(refused.getMessage()).isBetween(400, 499);
            assertThat(refused.getMessage()).isNotBlank().hasSizeLessThanOrEqualTo(ApiError.MAX_MESSAGE + 40);
        }
    }
}
