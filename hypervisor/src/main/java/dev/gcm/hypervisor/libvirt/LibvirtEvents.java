package dev.gcm.hypervisor.libvirt;

import java.util.Optional;
import org.libvirt.LibvirtException;

/**
 * libvirt's default event loop, run on one daemon thread for the whole JVM; it must be registered before a
 * connection that wants domain events is opened. Lifecycle callbacks run on this thread: keep them short.
 */
final class LibvirtEvents {

    private static boolean started;
    private static volatile String stopped;

    private LibvirtEvents() {
    }

    static synchronized void ensureRunning() throws LibvirtException {
        if (started) {
            return;
        }
        org.libvirt.Library.initEventLoop();
        Thread t = new Thread(() -> {
            try {
                org.libvirt.Library.runEventLoop();
                stopped = "libvirt's event loop ended";
            } catch (LibvirtException e) {
                stopped = "libvirt's event loop stopped: " + e.getMessage();
            } catch (InterruptedException e) {
                stopped = "libvirt's event loop was interrupted";
                Thread.currentThread().interrupt();
            }
        }, "gcm-libvirt-events");
        t.setDaemon(true);
        t.start();
        started = true;
    }

    /** Why the loop stopped, if it did (domain events no longer arrive). */
    static Optional<String> stopped() {
        return Optional.ofNullable(stopped);
    }
}
