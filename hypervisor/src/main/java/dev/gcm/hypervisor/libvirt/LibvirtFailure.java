package dev.gcm.hypervisor.libvirt;

import org.libvirt.LibvirtException;

/** A libvirt call that failed, with libvirt's own message. */
final class LibvirtFailure extends Exception {

    private static final long serialVersionUID = 1L;

    LibvirtFailure(String message) {
        super(message);
    }

    LibvirtFailure(String what, LibvirtException e) {
        super(what + ": " + messageOf(e), e);
    }

    static String messageOf(LibvirtException e) {
        if (e.getError() != null && e.getError().getMessage() != null) {
            return e.getError().getMessage();
        }
        return e.getMessage() == null ? "libvirt gave no reason" : e.getMessage();
    }
}
