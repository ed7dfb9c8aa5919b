package dev.gcm.hypervisor.kvm;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh VM on the real /dev/kvm, read through the device-attribute ioctls (JNA). Only s390x Linux
 * with /dev/kvm has the CPU-model attributes; {@link #unavailableReason()} says why not elsewhere.
 */
public final class LinuxKvmVm implements KvmVm {

    private static final long KVM_CREATE_VM = 0xae01L;
    private static final long KVM_CREATE_VCPU = 0xae41L;
    private static final long KVM_SET_DEVICE_ATTR = 0x4018aee1L;
    private static final long KVM_GET_DEVICE_ATTR = 0x4018aee2L;
    private static final long KVM_HAS_DEVICE_ATTR = 0x4018aee3L;
    private static final int O_RDWR = 2;
    private static final int O_CLOEXEC = 0x80000;

    /** The C library calls used. */
    interface LibC extends Library {
        int open(String path, int flags) throws LastErrorException;

        int ioctl(int fd, long request, Pointer arg) throws LastErrorException;

        int ioctl(int fd, long request, long arg) throws LastErrorException;

        int close(int fd) throws LastErrorException;
    }

    private final LibC libc;
    private final int kvmFd;
    private final int vmFd;

    private LinuxKvmVm(LibC libc, int kvmFd, int vmFd) {
        this.libc = libc;
        this.kvmFd = kvmFd;
        this.vmFd = vmFd;
    }

    /** Why this machine cannot run the KVM probe, or null when it can. */
    public static String unavailableReason() {
        String arch = System.getProperty("os.arch");
        if (!"Linux".equals(System.getProperty("os.name"))) {
            return "the KVM probe runs only on s390x Linux; this is " + System.getProperty("os.name");
        }
        if (!"s390x".equals(arch)) {
            return "the KVM probe runs only on s390x Linux with /dev/kvm; this machine is " + arch
                    + " (use --hypervisor qemu or simulated here)";
        }
        if (!Files.isWritable(Path.of("/dev/kvm"))) {
            return "/dev/kvm is missing or not writable";
        }
        return null;
    }

    /** Opens /dev/kvm and creates a VM; call only where {@link #unavailableReason()} is null. */
    public static LinuxKvmVm open() throws KvmException {
        LibC libc = Native.load("c", LibC.class);
        int kvm;
        try {
            kvm = libc.open("/dev/kvm", O_RDWR | O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new KvmException("open /dev/kvm", e.getErrorCode());
        }
        try {
            return new LinuxKvmVm(libc, kvm, libc.ioctl(kvm, KVM_CREATE_VM, 0L));
        } catch (LastErrorException e) {
            libc.close(kvm);
            throw new KvmException("KVM_CREATE_VM", e.getErrorCode());
        }
    }

    /** struct kvm_device_attr { u32 flags; u32 group; u64 attr; u64 addr; } in native order. */
    private static Memory deviceAttr(int attribute, Memory buffer) {
        Memory m = new Memory(24);
        m.setInt(0, 0);
        m.setInt(4, KvmS390.GROUP_CPU_MODEL);
        m.setLong(8, attribute);
        m.setLong(16, buffer == null ? 0 : Pointer.nativeValue(buffer));
        return m;
    }

    @Override
    public boolean hasAttribute(int attribute) {
        try {
            return libc.ioctl(vmFd, KVM_HAS_DEVICE_ATTR, deviceAttr(attribute, null)) == 0;
        } catch (LastErrorException e) {
            return false;
        }
    }

    @Override
    public byte[] getAttribute(int attribute, int size) throws KvmException {
        Memory buffer = new Memory(size);
        buffer.clear();
        try {
            libc.ioctl(vmFd, KVM_GET_DEVICE_ATTR, deviceAttr(attribute, buffer));
        } catch (LastErrorException e) {
            throw new KvmException("KVM_GET_DEVICE_ATTR " + attribute, e.getErrorCode());
        }
        return buffer.getByteArray(0, size);
    }

    @Override
    public void setAttribute(int attribute, byte[] data) throws KvmException {
        Memory buffer = new Memory(data.length);
        buffer.write(0, data, 0, data.length);
        try {
            libc.ioctl(vmFd, KVM_SET_DEVICE_ATTR, deviceAttr(attribute, buffer));
        } catch (LastErrorException e) {
            throw new KvmException("KVM_SET_DEVICE_ATTR " + attribute, e.getErrorCode());
        }
    }

    @Override
    public void createVcpu(int id) throws KvmException {
        try {
            libc.close(libc.ioctl(vmFd, KVM_CREATE_VCPU, (long) id));
        } catch (LastErrorException e) {
            throw new KvmException("KVM_CREATE_VCPU", e.getErrorCode());
        }
    }

    @Override
    public void close() {
        try {
            libc.close(vmFd);
        } finally {
            libc.close(kvmFd);
        }
    }
}
