package dev.gcm.hypervisor.kvm;

/**
 * A KVM virtual machine's CPU-model attributes, as the VM device-attribute ioctls give them: raw
 * structure bytes in the host's (s390x: big-endian) layout. Implemented over the real /dev/kvm and by
 * the simulation.
 */
public interface KvmVm extends AutoCloseable {

    /** Whether an attribute of the CPU-model group exists (KVM_HAS_DEVICE_ATTR). */
    boolean hasAttribute(int attribute);

    /** Reads an attribute of the CPU-model group (KVM_GET_DEVICE_ATTR). */
    byte[] getAttribute(int attribute, int size) throws KvmException;

    /** Writes an attribute of the CPU-model group (KVM_SET_DEVICE_ATTR). */
    void setAttribute(int attribute, byte[] data) throws KvmException;

    /** Creates a vCPU; afterwards the processor attributes can no longer be changed. */
    void createVcpu(int id) throws KvmException;

    @Override
    void close();
}
