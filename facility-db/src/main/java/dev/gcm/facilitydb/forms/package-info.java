/**
 * Every form a CPU model is written in, read by one reader ({@link dev.gcm.facilitydb.forms.ModelForms}) and
 * written by one writer per form: QEMU CpuModelInfo JSON, {@code -cpu} arguments, libvirt {@code <cpu>}
 * elements, libvirt domain capabilities and domain XML, and the project's gcm/v1 documents. XML is parsed
 * without DTDs or external entities, bounded in size and depth.
 */
package dev.gcm.facilitydb.forms;
