package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.forms.ReadModel;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /migrations/check}: {@code {"guest": {"name": ..., "model": MODEL,
 * "softFingerprint": ..., "machineType": ...}, "target": HOST, "source": HOST}}. The guest is given by its model
 * (any form: CpuModelInfo, gcm/v1, or a string holding a -cpu argument or libvirt XML; a domain's XML gives its
 * machine type too), or by its name as a host reports it (then {@link #model} is empty and the handler looks it
 * up).
 *
 * @param name  the guest's name, if given
 * @param given the model as given (what the decision log keeps), if given
 */
record CheckBody(String target, Optional<String> source, Optional<String> name, Optional<CpuModelInfo> given,
                 Optional<CpuModel> model, Optional<String> softFingerprint, Provenance provenance) {

    static final int MAX_FINGERPRINT = 256;

    /**
     * Optional facts about who asks about which guest, kept in the decision log (a libvirt hook sends them):
     * {@code guest.uuid}, {@code guest.machineType} and {@code requestedBy}.
     */
    record Provenance(Optional<String> guestUuid, Optional<String> machineType, Optional<String> requestedBy) {
    }

    private static final Set<String> FIELDS = Set.of("guest", "target", "source", "requestedBy");
    private static final Set<String> GUEST_FIELDS = Set.of("name", "model", "softFingerprint", "uuid", "machineType");
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern MACHINE_TYPE_FORM = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
    private static final Pattern REQUESTER_FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    static CheckBody parse(JsonNode body, ModelCache models) {
        BodyFields.only(body, "$", FIELDS);
        String target = BodyFields.text(body, "target", "$", true, BodyFields.MAX_HOST_ID);
        Optional<String> source = Optional.ofNullable(BodyFields.text(body, "source", "$", false, BodyFields.MAX_HOST_ID));
        if (source.isPresent() && source.get().equals(target)) {
            throw ApiError.badRequest("SAME_HOST", "source and target are the same host '" + target + "'");
        }
        JsonNode guest = BodyFields.object(body, "guest", "$", "{\"name\": ..., \"model\": CpuModelInfo}");
        if (guest == null) {
            throw Json.badField("$.guest", "expected {\"name\": ..., \"model\": CpuModelInfo} or a guest name known from a host");
        }
        BodyFields.only(guest, "$.guest", GUEST_FIELDS);
        Provenance provenance = new Provenance(formed(guest, "uuid", UUID_FORM, "$.guest.uuid"),
                formed(guest, "machineType", MACHINE_TYPE_FORM, "$.guest.machineType"),
                formed(body, "requestedBy", REQUESTER_FORM, "$.requestedBy"));
        Optional<String> name = Optional.ofNullable(BodyFields.text(guest, "name", "$.guest", false, BodyFields.MAX_NAME));
        Optional<String> fingerprint = Optional.ofNullable(
                BodyFields.text(guest, "softFingerprint", "$.guest", false, MAX_FINGERPRINT));
        JsonNode modelNode = guest.get("model");
        if (modelNode == null || modelNode.isNull()) {
            if (name.isEmpty()) {
                throw Json.badField("$.guest", "name the guest, or give its model");
            }
            return new CheckBody(target, source, name, Optional.empty(), Optional.empty(), fingerprint, provenance);
        }
        ReadModel read = BodyFields.readModel(modelNode, "$.guest.model");
        CpuModel model = BodyFields.model(models::resolve, read.model(), "$.guest.model", "INVALID_JSON");
        if (provenance.machineType().isEmpty() && read.machineType().isPresent()) { // a domain's XML names it
            if (!MACHINE_TYPE_FORM.matcher(read.machineType().get()).matches()) {
                throw Json.badField("$.guest.model", "the domain's machine type is not of the form "
                        + MACHINE_TYPE_FORM.pattern());
            }
            provenance = new Provenance(provenance.guestUuid(), read.machineType(), provenance.requestedBy());
        }
        return new CheckBody(target, source, name, Optional.of(read.model()), Optional.of(model), fingerprint,
                provenance);
    }

    /** An optional text field of {@code node} that must have the given form. */
    private static Optional<String> formed(JsonNode node, String field, Pattern form, String path) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual() || !form.matcher(n.asText()).matches()) {
            throw Json.badField(path, "expected text of the form " + form.pattern());
        }
        return Optional.of(n.asText());
    }
}
