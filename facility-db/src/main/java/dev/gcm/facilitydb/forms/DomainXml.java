package dev.gcm.facilitydb.forms;

import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * A libvirt domain's XML ({@code virsh dumpxml}, or what libvirt hands its {@code qemu} hook on stdin): the
 * guest's name, UUID, machine type ({@code <os><type machine=...>}) and CPU model ({@code <cpu>}).
 *
 * <pre>{@code
 * DomainXml.Guest g = DomainXml.read(xmlFromTheHook);
 * CpuModel model = new ModelResolver(catalog).resolve(g.cpuModel().orElseThrow());
 * boolean known = view.knowsMachineType(g.machineType().orElse("s390-ccw-virtio"));
 * }</pre>
 */
public final class DomainXml {

    /**
     * What a domain's XML says of its guest.
     *
     * @param name        the domain's name
     * @param uuid        its UUID, where given
     * @param machineType its QEMU machine type, e.g. {@code s390-ccw-virtio-7.2}, where given
     * @param cpuMode     the {@code <cpu mode>}: custom, host-model, host-passthrough, maximum; empty without {@code <cpu>}
     * @param cpuModel    the CPU model, when the XML names one (custom mode, or a live XML libvirt filled in)
     */
    public record Guest(String name, Optional<String> uuid, Optional<String> machineType, Optional<String> cpuMode,
                        Optional<CpuModelInfo> cpuModel) {
    }

    private DomainXml() {
    }

    public static Guest read(String xml) {
        Element root = SafeXml.parse(xml);
        if (!root.getTagName().equals("domain")) {
            throw new FormException("expected a libvirt <domain>, found <" + root.getTagName() + ">");
        }
        return read(root);
    }

    static Guest read(Element domain) {
        String name = SafeXml.child(domain, "name").flatMap(SafeXml::text)
                .orElseThrow(() -> new FormException("the domain XML has no <name>"));
        Optional<String> uuid = SafeXml.child(domain, "uuid").flatMap(SafeXml::text);
        Optional<String> machine = SafeXml.child(domain, "os").flatMap(os -> SafeXml.child(os, "type"))
                .flatMap(t -> SafeXml.attribute(t, "machine"));
        Optional<Element> cpu = SafeXml.child(domain, "cpu");
        Optional<String> mode = cpu.map(c -> SafeXml.attribute(c, "mode").orElse("custom"));
        boolean named = cpu.flatMap(c -> SafeXml.child(c, "model")).flatMap(SafeXml::text).isPresent();
        Optional<CpuModelInfo> model = named ? Optional.of(LibvirtCpuXml.read(cpu.get())) : Optional.empty();
        return new Guest(name, uuid, machine, mode, model);
    }

    /** The guest's model; refused with the reason when the XML names none. */
    static CpuModelInfo modelOf(Guest g) {
        return g.cpuModel().orElseThrow(() -> new FormException("domain " + CpuArgument.abbreviate(g.name())
                + (g.cpuMode().isEmpty() ? " has no <cpu> element" : " has <cpu mode='" + g.cpuMode().get()
                        + "'> without a model")
                + ": its model depends on the host; read its live XML (virsh dumpxml on the running domain)"));
    }
}
