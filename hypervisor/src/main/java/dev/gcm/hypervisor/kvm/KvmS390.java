package dev.gcm.hypervisor.kvm;

/**
 * Constants of the s390 CPU-model interface of KVM (group KVM_S390_VM_CPU_MODEL of the VM device
 * attributes), with the sizes of its structures.
 */
public final class KvmS390 {

    /** The attribute group of the CPU model. */
    public static final int GROUP_CPU_MODEL = 3;

    /** Guest CPU: cpuid, IBC, facility list (read/write before vCPUs exist). */
    public static final int PROCESSOR = 0;
    /** Host machine: cpuid, IBC range, fac_mask, fac_list (read only). */
    public static final int MACHINE = 1;
    public static final int PROCESSOR_FEAT = 2;
    public static final int MACHINE_FEAT = 3;
    public static final int PROCESSOR_SUBFUNC = 4;
    public static final int MACHINE_SUBFUNC = 5;

    /** struct kvm_s390_vm_cpu_machine: u64 cpuid; u32 ibc; u8 pad[4]; u64 fac_mask[256]; u64 fac_list[256]. */
    public static final int MACHINE_SIZE = 8 + 4 + 4 + 2048 + 2048;
    /** struct kvm_s390_vm_cpu_processor: u64 cpuid; u16 ibc; u8 pad[6]; u64 fac_list[256]. */
    public static final int PROCESSOR_SIZE = 8 + 2 + 6 + 2048;
    /** struct kvm_s390_vm_cpu_feat: u64 feat[16]. */
    public static final int FEAT_SIZE = 128;
    /** struct kvm_s390_vm_cpu_subfunc: the query blocks and reserved space. */
    public static final int SUBFUNC_SIZE = 2048;

    public static final int EBUSY = 16;
    public static final int ENXIO = 6;
    public static final int EINVAL = 22;

    private KvmS390() {
    }
}
