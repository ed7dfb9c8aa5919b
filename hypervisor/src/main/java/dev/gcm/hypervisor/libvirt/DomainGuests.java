package dev.gcm.hypervisor.libvirt;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.forms.DomainXml;
import dev.gcm.facilitydb.forms.FormException;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.hypervisor.record.HostRecord;
import java.util.Optional;

/**
 * Guests from libvirt domain XML (read by facility-db's {@link DomainXml}): name, UUID, machine type and the
 * CPU model in QEMU's static form. A domain without {@code <cpu>} gets QEMU's default model for the
 * accelerator ({@code host} under KVM, {@code qemu} under TCG); {@code host-passthrough}, {@code maximum} and
 * KVM's {@code host} take the CPU of the host they run on, which is known here for a running domain (this
 * host's model) and not for one arriving from elsewhere.
 */
final class DomainGuests {

    private final Catalog catalog;
    private final LibvirtCpuModels models;

    DomainGuests(Catalog catalog, LibvirtCpuModels models) {
        this.catalog = catalog;
        this.models = models;
    }

    /** A domain running on this host, whose host model and accelerator are known. */
    HostRecord.Guest running(String xml, CpuModel hostModel, boolean kvm, LibvirtCpuModels.Expander expander)
            throws LibvirtFailure {
        DomainXml.Guest g = DomainXml.read(xml);
        Optional<CpuModelInfo> named = g.cpuModel().or(() -> g.cpuMode().isEmpty() && !kvm
                ? Optional.of(CpuModelInfo.named("qemu")) : Optional.empty());
        boolean takesTheHostsCpu = named.isEmpty() || (kvm && named.get().name().equals("host"));
        return guest(g, Optional.of(takesTheHostsCpu ? hostModel : models.resolve(named.get(), expander)));
    }

    /**
     * A domain about to arrive (the XML libvirt hands its migration hook). Empty model when the XML does not
     * say it: {@code host-passthrough}, {@code maximum} and KVM's {@code host} (also QEMU's default under KVM)
     * take the source host's CPU, which only the source's own report knows.
     */
    HostRecord.Guest incoming(String xml, ThisHost host) throws LibvirtFailure {
        DomainXml.Guest g = DomainXml.read(xml);
        Optional<CpuModelInfo> named = g.cpuModel();
        if (named.isEmpty() && g.cpuMode().isEmpty() && !host.kvm()) {
            named = Optional.of(CpuModelInfo.named("qemu"));
        }
        if (named.isEmpty() || named.get().name().equals("host")) {
            return guest(g, Optional.empty());
        }
        return guest(g, Optional.of(models.resolve(named.get(), host::expand)));
    }

    /** What is asked of this host only when a domain's XML needs it (a named model needs neither). */
    interface ThisHost {
        boolean kvm() throws LibvirtFailure;

        String expand(String cpuXml) throws LibvirtFailure;
    }

    private HostRecord.Guest guest(DomainXml.Guest g, Optional<CpuModel> model) {
        if (g.name().isBlank()) {
            throw new FormException("the domain XML names no guest");
        }
        return new HostRecord.Guest(g.name(), g.uuid().orElse(null),
                model.map(m -> Expansion.staticForm(catalog, m)).orElse(null), g.machineType().orElse(null));
    }
}
