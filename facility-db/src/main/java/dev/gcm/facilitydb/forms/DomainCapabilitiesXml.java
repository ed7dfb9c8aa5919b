package dev.gcm.facilitydb.forms;

import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * libvirt's domain capabilities ({@code virsh domcapabilities}): the host's CPU model is the
 * {@code <mode name='host-model' supported='yes'>} under {@code <cpu>} (under KVM); where libvirt expands the
 * {@code maximum} mode into a model (TCG on newer libvirt), that one is taken when there is no host model.
 * libvirt 9.0 under TCG offers neither (host-model is unsupported, maximum names no model): that is refused
 * with the reason.
 */
public final class DomainCapabilitiesXml {

    /**
     * What the domain capabilities say of the host's CPU.
     *
     * @param hostModel   the host's CPU model
     * @param machineType the machine type the capabilities were asked for ({@code <machine>}), where given
     * @param mode        the mode the model came from: {@code host-model} or {@code maximum}
     */
    public record HostCpu(CpuModelInfo hostModel, Optional<String> machineType, String mode) {
    }

    private DomainCapabilitiesXml() {
    }

    public static HostCpu read(String xml) {
        Element root = SafeXml.parse(xml);
        if (!root.getTagName().equals("domainCapabilities")) {
            throw new FormException("expected libvirt <domainCapabilities>, found <" + root.getTagName() + ">");
        }
        return read(root);
    }

    static HostCpu read(Element root) {
        Optional<String> machine = SafeXml.child(root, "machine").flatMap(SafeXml::text);
        Element cpu = SafeXml.child(root, "cpu")
                .orElseThrow(() -> new FormException("the domain capabilities have no <cpu> element"));
        for (String name : new String[] {"host-model", "maximum"}) {
            Optional<Element> mode = mode(cpu, name);
            Optional<String> model = mode.flatMap(m -> SafeXml.child(m, "model")).flatMap(SafeXml::text);
            if (model.isPresent()) {
                return new HostCpu(new CpuModelInfo(model.get(), LibvirtCpuXml.features(mode.get())), machine, name);
            }
        }
        String hostModel = SafeXml.children(cpu, "mode").stream().filter(m -> "host-model".equals(m.getAttribute("name")))
                .findFirst().flatMap(m -> SafeXml.attribute(m, "supported")).map(s -> "supported='" + s + "'")
                .orElse("absent");
        throw new FormException("the domain capabilities offer no host CPU model (host-model " + hostModel
                + ", and the maximum mode names no model): libvirt reports the host model under KVM, not under TCG");
    }

    private static Optional<Element> mode(Element cpu, String name) {
        return SafeXml.children(cpu, "mode").stream()
                .filter(m -> name.equals(m.getAttribute("name")))
                .filter(m -> !"no".equals(m.getAttribute("supported")))
                .findFirst();
    }
}
