package dev.gcm.facilitydb.forms;

/** The forms a CPU model is written in across the ecosystem; {@link ModelForms#read(String)} tells them apart. */
public enum ModelForm {
    /** A bare model name: {@code z14}, {@code z14-base}. */
    NAME,
    /** A QEMU {@code -cpu} argument, with or without {@code -cpu}: {@code z14-base,vx=off}. */
    CPU_ARGUMENT,
    /** QEMU's CpuModelInfo JSON: {@code {"name": "z14-base", "props": {"vx": false}}}. */
    QEMU_JSON,
    /** One of the project's own gcm/v1 documents that holds a model (CpuModel, PoolGcm, HostRecord, Host). */
    GCM_DOCUMENT,
    /** A libvirt {@code <cpu>} element (mode custom). */
    LIBVIRT_CPU,
    /** libvirt domain capabilities ({@code virsh domcapabilities}): its host-model CPU. */
    LIBVIRT_DOMCAPS,
    /** A libvirt domain ({@code virsh dumpxml}): its {@code <cpu>} and machine type. */
    LIBVIRT_DOMAIN
}
