package dev.gcm.hypervisor.libvirt;

import java.util.ArrayList;
import java.util.List;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;
import org.libvirt.event.LifecycleListener;
import org.libvirt.jna.ConnectionPointer;

/**
 * One read-write connection to libvirtd (read-only connections may not ask for domain capabilities or a
 * CPU baseline), through the libvirt Java binding and, for the calls it lacks, {@link LibvirtNative}.
 * Every method throws {@link LibvirtFailure} with libvirt's message.
 */
final class LibvirtConnection implements AutoCloseable {

    private static final String ARCH = "s390x";

    /** The binding's connection, with its native pointer for the calls the binding does not have. */
    private static final class Conn extends Connect {
        Conn(String uri) throws LibvirtException {
            super(uri, false);
        }

        ConnectionPointer pointer() {
            return vcp;
        }
    }

    /** Held here for good: libvirt keeps calling it, so it must never be collected. */
    private static final org.libvirt.jna.Libvirt.VirErrorCallback SILENT = (userData, error) -> { };

    private final Conn conn;
    private final String uri;
    private final LifecycleListener listener;

    private LibvirtConnection(Conn conn, String uri, LifecycleListener listener) {
        this.conn = conn;
        this.uri = uri;
        this.listener = listener;
    }

    /** Opens a connection that reports every domain lifecycle event to {@code onLifecycle}. */
    static LibvirtConnection open(String uri, Runnable onLifecycle, Runnable onClose) throws LibvirtFailure {
        Conn c;
        try {
            // libvirt prints every error on stderr unless a handler is set; ours arrive as exceptions
            Connect.setErrorCallback(SILENT);
            LibvirtEvents.ensureRunning();
            c = new Conn(uri);
        } catch (LibvirtException e) {
            throw new LibvirtFailure("cannot connect to libvirt at " + uri, e);
        }
        LifecycleListener listener = (domain, event) -> {
            onLifecycle.run();
            return 0;
        };
        try {
            c.addLifecycleListener(listener);
            c.registerCloseListener((connect, reason) -> onClose.run());
        } catch (LibvirtException e) {
            closeQuietly(c);
            throw new LibvirtFailure("cannot watch the domains of " + uri, e);
        }
        return new LibvirtConnection(c, uri, listener);
    }

    String uri() {
        return uri;
    }

    boolean alive() {
        try {
            return conn.isAlive();
        } catch (LibvirtException e) {
            return false;
        }
    }

    /** The libvirt daemon's version, e.g. {@code 9.0.0}. */
    String libvirtVersion() throws LibvirtFailure {
        try {
            return dotted(conn.getLibVersion());
        } catch (LibvirtException e) {
            throw new LibvirtFailure("libvirt version", e);
        }
    }

    /** The QEMU version libvirt reports for this host's architecture's emulator, e.g. {@code 7.2.19}. */
    String hypervisorVersion() throws LibvirtFailure {
        try {
            return dotted(conn.getVersion());
        } catch (LibvirtException e) {
            throw new LibvirtFailure("hypervisor version", e);
        }
    }

    String capabilities() throws LibvirtFailure {
        try {
            return conn.getCapabilities();
        } catch (LibvirtException e) {
            throw new LibvirtFailure("host capabilities", e);
        }
    }

    /** The s390x domain capabilities for {@code virttype} ({@code kvm} or {@code qemu}). */
    String domainCapabilities(String virttype) throws LibvirtFailure {
        return checked(LibvirtNative.api().virConnectGetDomainCapabilities(conn.pointer(), null, ARCH, null,
                virttype, 0), "domain capabilities for " + virttype);
    }

    /** What this host's QEMU makes of one {@code <cpu>}: libvirt's baseline of it alone, every feature listed. */
    String expandCpu(String cpuXml, String virttype) throws LibvirtFailure {
        return checked(LibvirtNative.api().virConnectBaselineHypervisorCPU(conn.pointer(), null, ARCH, null, virttype,
                new String[] {cpuXml}, 1, LibvirtNative.EXPAND_FEATURES), "CPU expansion");
    }

    /** The live XML of every running or paused domain; a domain that ends meanwhile is left out. */
    List<String> activeDomainXmls() throws LibvirtFailure {
        List<String> out = new ArrayList<>();
        int[] ids;
        try {
            ids = conn.listDomains();
        } catch (LibvirtException e) {
            throw new LibvirtFailure("listing the domains", e);
        }
        for (int id : ids) {
            Domain d;
            try {
                d = conn.domainLookupByID(id);
            } catch (LibvirtException gone) {
                continue;
            }
            try {
                DomainInfo.DomainState state = d.getInfo().state;
                if (state == DomainInfo.DomainState.VIR_DOMAIN_RUNNING || state == DomainInfo.DomainState.VIR_DOMAIN_PAUSED
                        || state == DomainInfo.DomainState.VIR_DOMAIN_BLOCKED) {
                    out.add(d.getXMLDesc(0));
                }
            } catch (LibvirtException gone) {
                // ended between listing and reading
            } finally {
                freeQuietly(d);
            }
        }
        return out;
    }

    private static String checked(com.sun.jna.Pointer p, String what) throws LibvirtFailure {
        String s = LibvirtNative.take(p);
        if (s == null) {
            String message = LibvirtNative.api().virGetLastErrorMessage();
            throw new LibvirtFailure(what + ": " + (message == null ? "libvirt gave no reason" : message));
        }
        return s;
    }

    private static void freeQuietly(Domain d) {
        try {
            d.free();
        } catch (LibvirtException ignored) {
            // nothing to free
        }
    }

    private static void closeQuietly(Connect c) {
        try {
            c.close();
        } catch (LibvirtException ignored) {
            // the connection is gone either way
        }
    }

    private static String dotted(long v) {
        return (v / 1_000_000) + "." + (v / 1_000 % 1_000) + "." + (v % 1_000);
    }

    @Override
    public void close() {
        try {
            conn.removeLifecycleListener(listener);
        } catch (LibvirtException ignored) {
            // closing anyway
        }
        closeQuietly(conn);
    }
}
