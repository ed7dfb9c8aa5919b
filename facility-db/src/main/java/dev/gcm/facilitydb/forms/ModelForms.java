package dev.gcm.facilitydb.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.json.InvalidJsonException;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The one reader of every CPU model form, told apart by content: XML (a libvirt {@code <cpu>}, domain
 * capabilities or a domain), JSON (QEMU's CpuModelInfo or a gcm/v1 document), a {@code -cpu} argument or a
 * bare name. Writers: {@link CpuArgument#write}, {@link LibvirtCpuXml#write},
 * {@link CpuModelInfoJson#write}, {@link GcmDocuments#cpuModel}.
 *
 * <pre>{@code
 * ReadModel m = ModelForms.read("-cpu z14-base,vx=off");          // CPU_ARGUMENT
 * ReadModel d = ModelForms.read(Files.readString(domainXml));      // LIBVIRT_DOMAIN, with its machine type
 * CpuModel model = new ModelResolver(catalog).resolve(m.model());
 * }</pre>
 */
public final class ModelForms {

    private ModelForms() {
    }

    /** Reads one model from text in any form. */
    public static ReadModel read(String text) {
        String t = strip(text);
        if (t.isEmpty()) {
            throw new FormException("empty input: expected a CPU model (a name, a -cpu argument, JSON or libvirt XML)");
        }
        if (t.length() > SafeXml.MAX_CHARS) {
            throw new FormException("input of " + t.length() + " characters is larger than the limit of "
                    + SafeXml.MAX_CHARS);
        }
        if (t.startsWith("<")) {
            return fromXml(SafeXml.parse(t));
        }
        if (t.startsWith("{") || t.startsWith("[") || t.startsWith("\"")) {
            return read(parseJson(t), "$");
        }
        CpuModelInfo info = CpuArgument.read(t);
        boolean argument = CpuArgument.hasPrefix(t) || !info.props().isEmpty() || t.contains(",");
        return ReadModel.of(info, argument ? ModelForm.CPU_ARGUMENT : ModelForm.NAME);
    }

    /** Reads one model from JSON: CpuModelInfo, a gcm/v1 document, or a string holding any text form. */
    public static ReadModel read(JsonNode node, String path) {
        if (node != null && node.isTextual()) {
            try {
                return read(node.asText());
            } catch (FormException e) {
                throw new InvalidJsonException(path, e.getMessage());
            }
        }
        if (GcmDocuments.isDocument(node)) {
            return ReadModel.of(GcmDocuments.read(node, path), ModelForm.GCM_DOCUMENT);
        }
        if (node != null && node.isArray()) {
            throw new InvalidJsonException(path, "expected one CPU model, found a JSON array");
        }
        return ReadModel.of(CpuModelInfoJson.read(node, path), ModelForm.QEMU_JSON);
    }

    /**
     * Every model in XML that holds several, as {@code virsh hypervisor-cpu-baseline} takes them: {@code <cpu>}
     * elements, domain capabilities and domains, one after another (any XML declarations are dropped), or
     * inside one enclosing element.
     */
    public static List<ReadModel> readAllXml(String xml) {
        String body = strip(xml).replaceAll("<\\?xml[^>]*\\?>", "");
        Element container = SafeXml.parse("<models>" + body + "</models>");
        List<Element> elements = SafeXml.children(container);
        if (elements.size() == 1 && !isModelElement(elements.get(0))) {
            elements = SafeXml.children(elements.get(0));
        }
        List<ReadModel> out = new ArrayList<>();
        for (Element e : elements) {
            out.add(fromXml(e));
        }
        if (out.isEmpty()) {
            throw new FormException("the XML holds no <cpu>, <domain> or <domainCapabilities> element");
        }
        return out;
    }

    private static boolean isModelElement(Element e) {
        return List.of("cpu", "domain", "domainCapabilities").contains(e.getTagName());
    }

    private static ReadModel fromXml(Element root) {
        switch (root.getTagName()) {
            case "cpu" -> {
                return ReadModel.of(LibvirtCpuXml.read(root), ModelForm.LIBVIRT_CPU);
            }
            case "domainCapabilities" -> {
                DomainCapabilitiesXml.HostCpu h = DomainCapabilitiesXml.read(root);
                return new ReadModel(h.hostModel(), ModelForm.LIBVIRT_DOMCAPS, h.machineType());
            }
            case "domain" -> {
                DomainXml.Guest g = DomainXml.read(root);
                return new ReadModel(DomainXml.modelOf(g), ModelForm.LIBVIRT_DOMAIN, g.machineType());
            }
            default -> throw new FormException("XML <" + CpuArgument.abbreviate(root.getTagName()) + "> holds no CPU"
                    + " model (expected libvirt <cpu>, <domain> or <domainCapabilities>)");
        }
    }

    static JsonNode parseJson(String text) {
        try {
            return CpuModelInfoJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new FormException("malformed JSON" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Without surrounding white space and a byte-order mark. */
    private static String strip(String text) {
        String t = text.strip();
        return t.startsWith("\uFEFF") ? t.substring(1).strip() : t;
    }
}
