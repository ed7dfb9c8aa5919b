package dev.gcm.planner.http;

import dev.gcm.facilitydb.forms.ModelForms;
import dev.gcm.facilitydb.forms.ReadModel;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.ModelResolver;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * XML bodies of {@code POST /baseline} and {@code /compare} ({@code Content-Type: application/xml}): libvirt
 * {@code <cpu>} elements, domain capabilities ({@code virsh domcapabilities}: the host-model CPU) or domains
 * ({@code virsh dumpxml}: the guest's CPU), one after another or inside one enclosing element of any name, as
 * {@code virsh hypervisor-cpu-baseline} takes them. The Door has checked the size; the text must be UTF-8, and
 * it is read by facility-db's safe reader (no DTD, no entities, no external anything, depth bounded).
 */
final class XmlBodies {

    private XmlBodies() {
    }

    static boolean isXml(RoutingContext ctx) {
        return Door.isXml(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
    }

    /** The models of the body, resolved; 400 {@code INVALID_XML} or {@code INVALID_MODEL} naming the element. */
    static List<CpuModel> models(RoutingContext ctx, ModelResolver resolver, int min, int max, String wanted) {
        List<ReadModel> read = read(ctx.body() == null ? null : ctx.body().buffer());
        if (read.size() < min || read.size() > max) {
            throw ApiError.badRequest("INVALID_XML", "expected " + wanted + " models in the XML, found " + read.size());
        }
        List<CpuModel> out = new ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            String path = "xml[" + i + "]";
            out.add(BodyFields.model(resolver, read.get(i).model(), path, "INVALID_MODEL"));
        }
        return out;
    }

    /** Every model of an XML body, in document order (the fuzz test's entry point). */
    static List<ReadModel> read(Buffer bytes) {
        if (bytes == null || bytes.length() == 0) {
            throw ApiError.badRequest("INVALID_XML", "the request needs an XML body");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.getBytes())).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.badRequest("INVALID_XML", "the body is not UTF-8");
        }
        try {
            return ModelForms.readAllXml(text);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("INVALID_XML", ApiError.cut(e.getMessage()));
        }
    }
}
