package dev.gcm.facilitydb.forms;

import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * libvirt's {@code <cpu>} element: {@code <model>} and {@code <feature policy=... name=...>}. Policies
 * {@code require} and {@code force} (and none, libvirt's default) switch a feature on, {@code disable} and
 * {@code forbid} off, {@code optional} on (libvirt enables it where the host can). Modes that take the CPU
 * from the host ({@code host-model}, {@code host-passthrough}, {@code maximum}) name no model of their own
 * and are refused with a hint.
 */
public final class LibvirtCpuXml {

    private LibvirtCpuXml() {
    }

    /** Reads the text of one {@code <cpu>} element. */
    public static CpuModelInfo read(String xml) {
        Element root = SafeXml.parse(xml);
        if (!root.getTagName().equals("cpu")) {
            throw new FormException("expected a libvirt <cpu> element, found <" + root.getTagName() + ">");
        }
        return read(root);
    }

    static CpuModelInfo read(Element cpu) {
        String mode = SafeXml.attribute(cpu, "mode").orElse("custom");
        Optional<String> model = SafeXml.child(cpu, "model").flatMap(SafeXml::text);
        if (!mode.equals("custom") && model.isEmpty()) {
            throw new FormException("the <cpu mode='" + CpuArgument.abbreviate(mode) + "'> takes its model from the"
                    + " host and names none; give the host's model instead (virsh domcapabilities on that host,"
                    + " or a domain's live XML, virsh dumpxml, where libvirt has filled it in)");
        }
        if (model.isEmpty()) {
            throw new FormException("the libvirt <cpu> names no <model>");
        }
        return new CpuModelInfo(model.get(), features(cpu));
    }

    /** The {@code <feature>} children as property switches, in document order. */
    static Map<String, Boolean> features(Element parent) {
        Map<String, Boolean> props = new LinkedHashMap<>();
        for (Element f : SafeXml.children(parent, "feature")) {
            String name = SafeXml.attribute(f, "name")
                    .orElseThrow(() -> new FormException("a libvirt <feature> has no name"));
            String policy = SafeXml.attribute(f, "policy").orElse("require");
            boolean on = switch (policy) {
                case "require", "force", "optional" -> true;
                case "disable", "forbid" -> false;
                default -> throw new FormException("libvirt feature " + CpuArgument.abbreviate(name) + ": unknown policy '"
                        + CpuArgument.abbreviate(policy) + "' (require, force, optional, disable or forbid)");
            };
            props.remove(name);
            props.put(name, on);
        }
        return props;
    }

    /**
     * A custom CPU that libvirt passes to QEMU as this exact model: the model with {@code fallback='forbid'},
     * every property as a required or disabled feature, in the model's order. libvirt 9.0 has no
     * {@code deprecated_features} attribute (later releases do), so deprecated features that are off appear as
     * disabled features.
     */
    public static String write(CpuModelInfo info) {
        StringBuilder sb = new StringBuilder("<cpu mode='custom' match='exact' check='partial'>\n");
        sb.append("  <model fallback='forbid'>").append(escape(info.name())).append("</model>\n");
        info.props().forEach((name, on) -> sb.append("  <feature policy='").append(on ? "require" : "disable")
                .append("' name='").append(escape(name)).append("'/>\n"));
        return sb.append("</cpu>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
                .replace("\"", "&quot;");
    }
}
