package dev.gcm.hypervisor.libvirt;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.forms.DomainCapabilitiesXml;
import dev.gcm.facilitydb.forms.FormException;
import dev.gcm.facilitydb.forms.LibvirtHostXml;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.hypervisor.probe.HypervisorProbe;
import dev.gcm.hypervisor.probe.ProbeException;
import dev.gcm.hypervisor.record.HostCapabilities;
import dev.gcm.hypervisor.record.HostRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Probes a host through libvirt's API, as libvirt sees it: the host model from the s390x domain
 * capabilities (the {@code host-model} CPU under KVM; under TCG, where libvirt offers none, QEMU's
 * {@code max} as this host's QEMU expands it), the QEMU and libvirt versions, the machine types and CPU
 * models QEMU knows, and every running domain's live XML (name, UUID, machine type, CPU model expanded to
 * QEMU's static form). It watches domain lifecycle events: each one counts as a change
 * ({@link #changes()}) and calls the listener, so the agent probes again when a guest starts, stops or
 * arrives. {@code maskedFeatures} is for tests only: a host model that lacks them, as another machine would.
 */
public final class LibvirtProbe implements HypervisorProbe, AutoCloseable {

    private static final String MACHINE_PREFIX = "s390-ccw-virtio";

    private final String uri;
    private final Catalog catalog;
    private final List<String> maskedFeatures;
    private final LibvirtCpuModels models;
    private final DomainGuests guests;
    private final AtomicLong changes = new AtomicLong();
    private volatile Runnable listener = () -> { };
    private LibvirtConnection connection;
    private volatile Accelerator accelerator;

    /** What libvirt runs guests with here, and the connection to ask it. */
    private record Accelerator(LibvirtConnection connection, boolean kvm) {
        String virttype() {
            return kvm ? "kvm" : "qemu";
        }
    }

    public LibvirtProbe(String uri, Catalog catalog, List<String> maskedFeatures) {
        this.uri = uri;
        this.catalog = catalog;
        this.maskedFeatures = List.copyOf(maskedFeatures);
        catalog.featureSet(this.maskedFeatures);
        this.models = new LibvirtCpuModels(catalog);
        this.guests = new DomainGuests(catalog, models);
    }

    @Override
    public String kind() {
        Accelerator a = accelerator;
        return a == null ? "libvirt" : a.kvm() ? "libvirt-kvm" : "libvirt-tcg";
    }

    /** Called (on libvirt's event thread) after every domain lifecycle event and when the connection closes. */
    public void onChange(Runnable r) {
        listener = r;
    }

    /** How many domain lifecycle events (and lost connections) were seen: a fingerprint of the domains. */
    public long changes() {
        return changes.get();
    }

    public String uri() {
        return uri;
    }

    @Override
    public synchronized HostCapabilities probe() throws ProbeException {
        try {
            LibvirtConnection c = connection();
            String libvirtVersion = c.libvirtVersion();
            boolean kvm = true;
            String domcaps;
            try {
                domcaps = c.domainCapabilities("kvm");
            } catch (LibvirtFailure noKvm) {
                kvm = false;
                domcaps = c.domainCapabilities("qemu");
            }
            Accelerator acc = new Accelerator(c, kvm);
            String emulator = LibvirtHostXml.emulatorPath(domcaps);
            String qemuVersion = QemuVersions.of(c, emulator);
            models.qemuIs(emulator + "|" + qemuVersion + "|" + acc.virttype());
            LibvirtCpuModels.Expander expander = xml -> c.expandCpu(xml, acc.virttype());
            CpuModel host = models.without(hostModel(domcaps, expander), maskedFeatures);
            if (!kvm) {
                // QEMU's default under TCG: expanded now, so a migration hook asking about it waits for no QEMU
                models.resolve(CpuModelInfo.named("qemu"), expander);
            }
            List<HostRecord.Guest> running = new ArrayList<>();
            for (String xml : c.activeDomainXmls()) {
                try {
                    running.add(guests.running(xml, host, kvm, expander));
                } catch (IllegalArgumentException unreadable) {
                    // a domain we cannot read (not s390x, a model this catalog does not know): left out
                }
            }
            running.sort(Comparator.comparing(HostRecord.Guest::name));
            accelerator = acc;
            HostRecord.HypervisorInfo info = new HostRecord.HypervisorInfo(kind(), qemuVersion, libvirtVersion,
                    System.getProperty("os.version"), LibvirtHostXml.cpuModelNames(domcaps), machineTypes(c));
            HostRecord.Machine machine = new HostRecord.Machine(host.definition().machineTypeText(), null, null);
            return new HostCapabilities(machine, Expansion.staticForm(catalog, host), null, info, running);
        } catch (LibvirtFailure | IllegalArgumentException e) {
            dropConnection();
            throw new ProbeException("libvirt probe of " + uri + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A guest from the domain XML libvirt hands its migration hook, as this host's QEMU would run it; its
     * CPU model is null when the XML does not say it (host-passthrough, maximum). A model the XML names
     * needs no libvirt at all; one named after the accelerator is expanded by this host's QEMU, reusing
     * what the last probe expanded (no QEMU start once the host was probed).
     *
     * @throws ProbeException when the XML is not a domain we can read or libvirt cannot expand its model
     */
    public HostRecord.Guest incomingGuest(String domainXml) throws ProbeException {
        try {
            return guests.incoming(domainXml, new DomainGuests.ThisHost() {
                @Override
                public boolean kvm() throws LibvirtFailure {
                    return accelerator().kvm();
                }

                @Override
                public String expand(String cpuXml) throws LibvirtFailure {
                    Accelerator a = accelerator();
                    return a.connection().expandCpu(cpuXml, a.virttype());
                }
            });
        } catch (LibvirtFailure | IllegalArgumentException e) {
            throw new ProbeException("cannot tell the incoming guest's CPU model: " + e.getMessage(), e);
        }
    }

    /** The accelerator of the last probe, probing first when there was none. */
    private Accelerator accelerator() throws LibvirtFailure {
        Accelerator a = accelerator;
        if (a == null) {
            try {
                probe();
            } catch (ProbeException e) {
                throw new LibvirtFailure(e.getMessage());
            }
            a = accelerator;
        }
        if (a == null) {
            throw new LibvirtFailure("libvirt at " + uri + " was lost while probing");
        }
        return a;
    }

    private CpuModel hostModel(String domcaps, LibvirtCpuModels.Expander expander) throws LibvirtFailure {
        try {
            return models.resolve(DomainCapabilitiesXml.read(domcaps).hostModel(), expander);
        } catch (FormException noHostModel) {
            // TCG: libvirt offers no host-model; what a guest can get here is QEMU's max
            return models.resolve(CpuModelInfo.named("max"), expander);
        }
    }

    private static List<String> machineTypes(LibvirtConnection c) throws LibvirtFailure {
        return LibvirtHostXml.machineTypes(c.capabilities(), "s390x").stream()
                .filter(m -> m.startsWith(MACHINE_PREFIX)).toList();
    }

    private LibvirtConnection connection() throws LibvirtFailure {
        if (connection != null && connection.alive()) {
            return connection;
        }
        dropConnection();
        connection = LibvirtConnection.open(uri, this::changed, this::changed);
        return connection;
    }

    private void changed() {
        changes.incrementAndGet();
        listener.run();
    }

    private void dropConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
            accelerator = null;
        }
    }

    @Override
    public synchronized void close() {
        dropConnection();
    }
}
