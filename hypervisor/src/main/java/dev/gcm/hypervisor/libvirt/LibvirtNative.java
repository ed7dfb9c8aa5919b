package dev.gcm.hypervisor.libvirt;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.libvirt.jna.ConnectionPointer;

/**
 * The two calls of libvirt's C API (libvirt0) that the Java binding 0.5.2 lacks, on the binding's own
 * connection: {@code virConnectGetDomainCapabilities} (libvirt 1.2.7) and
 * {@code virConnectBaselineHypervisorCPU} (4.4). Strings libvirt returns are the caller's to free.
 */
final class LibvirtNative {

    /** {@code VIR_CONNECT_BASELINE_CPU_EXPAND_FEATURES}: list every feature of the model, not only additions. */
    static final int EXPAND_FEATURES = 1;

    /** The C functions, bound by JNA. */
    interface Api extends com.sun.jna.Library {
        Pointer virConnectGetDomainCapabilities(ConnectionPointer conn, String emulatorbin, String arch, String machine,
                                                String virttype, int flags);

        Pointer virConnectBaselineHypervisorCPU(ConnectionPointer conn, String emulator, String arch, String machine,
                                                String virttype, String[] xmlCPUs, int ncpus, int flags);

        /** The last error of this thread, as text (libvirt's own string: not to be freed). */
        String virGetLastErrorMessage();
    }

    private static volatile Api api;

    private LibvirtNative() {
    }

    static Api api() {
        Api a = api;
        if (a == null) {
            synchronized (LibvirtNative.class) {
                if (api == null) {
                    api = Native.load("virt", Api.class);
                }
                a = api;
            }
        }
        return a;
    }

    /** The string at {@code p}, freed; null for a null pointer (libvirt's error return). */
    static String take(Pointer p) {
        if (p == null) {
            return null;
        }
        try {
            return p.getString(0, "UTF-8");
        } finally {
            Native.free(Pointer.nativeValue(p));
        }
    }
}
