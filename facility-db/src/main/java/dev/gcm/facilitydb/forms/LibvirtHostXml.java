package dev.gcm.facilitydb.forms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * What libvirt says of a host's QEMU beyond CPU models: the machine types of one guest architecture in the
 * host capabilities ({@code virsh capabilities}: {@code <guest><arch name='s390x'><machine>}), and the CPU
 * model names QEMU offers in the domain capabilities ({@code <cpu><mode name='custom'><model>}).
 */
public final class LibvirtHostXml {

    private LibvirtHostXml() {
    }

    /** The machine types (aliases and their canonical names), in document order, without repeats. */
    public static List<String> machineTypes(String capabilitiesXml, String arch) {
        Element root = SafeXml.parse(capabilitiesXml);
        if (!root.getTagName().equals("capabilities")) {
            throw new FormException("expected libvirt <capabilities>, found <" + root.getTagName() + ">");
        }
        Set<String> out = new LinkedHashSet<>();
        for (Element guest : SafeXml.children(root, "guest")) {
            for (Element a : SafeXml.children(guest, "arch")) {
                if (!arch.equals(a.getAttribute("name"))) {
                    continue;
                }
                for (Element m : SafeXml.children(a, "machine")) {
                    SafeXml.text(m).ifPresent(out::add);
                    SafeXml.attribute(m, "canonical").ifPresent(out::add);
                }
                for (Element d : SafeXml.children(a, "domain")) {
                    for (Element m : SafeXml.children(d, "machine")) {
                        SafeXml.text(m).ifPresent(out::add);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The CPU model names of the custom mode (usable here or not), in document order. */
    public static List<String> cpuModelNames(String domainCapabilitiesXml) {
        Element root = SafeXml.parse(domainCapabilitiesXml);
        if (!root.getTagName().equals("domainCapabilities")) {
            throw new FormException("expected libvirt <domainCapabilities>, found <" + root.getTagName() + ">");
        }
        List<String> out = new ArrayList<>();
        SafeXml.child(root, "cpu").ifPresent(cpu -> SafeXml.children(cpu, "mode").stream()
                .filter(m -> "custom".equals(m.getAttribute("name")))
                .forEach(m -> SafeXml.children(m, "model").forEach(model -> SafeXml.text(model).ifPresent(out::add))));
        return out;
    }

    /** The emulator the domain capabilities describe ({@code <path>}), or empty. */
    public static String emulatorPath(String domainCapabilitiesXml) {
        Element root = SafeXml.parse(domainCapabilitiesXml);
        return SafeXml.child(root, "path").flatMap(SafeXml::text).orElse("");
    }
}
