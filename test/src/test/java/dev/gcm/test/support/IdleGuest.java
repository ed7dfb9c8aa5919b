package dev.gcm.test.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A diskless s390x guest that stays running at no CPU cost: its "kernel" is a 152-byte ELF that loads an
 * enabled-wait PSW (a guest without a boot device would stop in a disabled wait, which QEMU reports as a
 * panic). The domain XML is the one libvirt defines and starts under TCG.
 */
public final class IdleGuest {

    /** Not 0x10000, which QEMU would take for a Linux image. */
    private static final long ENTRY = 0x20000;

    private IdleGuest() {
    }

    /** Writes the ELF: larl %r1,PSW; lpswe 0(%r1); j .; then the PSW (external interrupts, wait, 64-bit). */
    public static Path writeKernel(Path file) throws IOException {
        byte[] code = {(byte) 0xc0, 0x10, 0, 0, 0, 0x08, (byte) 0xb2, (byte) 0xb2, 0x10, 0, (byte) 0xa7, (byte) 0xf4, 0, 0,
                0x07, 0x07};
        ByteBuffer payload = ByteBuffer.allocate(32).put(code).putLong(0x0102000180000000L).putLong(ENTRY + 0x0a);
        ByteBuffer elf = ByteBuffer.allocate(64 + 56 + 32);
        elf.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 2, 1, 0}).put(new byte[8]);
        elf.putShort((short) 2).putShort((short) 22).putInt(1).putLong(ENTRY).putLong(64).putLong(0).putInt(0)
                .putShort((short) 64).putShort((short) 56).putShort((short) 1).putShort((short) 64).putShort((short) 0)
                .putShort((short) 0);
        elf.putInt(1).putInt(7).putLong(120).putLong(ENTRY).putLong(ENTRY).putLong(32).putLong(32).putLong(0x1000);
        elf.put(payload.array());
        return Files.write(file, elf.array());
    }

    /**
     * The domain: 256 MiB, one vCPU, the given CPU model in custom mode, the kernel above, the emulator.
     *
     * @param cpuModel e.g. {@code qemu} (the accelerator's model) or {@code z13-base}
     */
    public static String domainXml(String name, String uuid, String cpuModel, Path kernel, Path emulator) {
        return """
                <domain type='qemu'>
                  <name>%s</name>
                  <uuid>%s</uuid>
                  <memory unit='MiB'>256</memory>
                  <vcpu>1</vcpu>
                  <os>
                    <type arch='s390x' machine='s390-ccw-virtio'>hvm</type>
                    <kernel>%s</kernel>
                  </os>
                  <cpu mode='custom' match='exact'>
                    <model fallback='forbid'>%s</model>
                  </cpu>
                  <on_crash>preserve</on_crash>
                  <devices>
                    <emulator>%s</emulator>
                    <console type='pty'><target type='sclp'/></console>
                    <memballoon model='none'/>
                  </devices>
                </domain>
                """.formatted(name, uuid, kernel, cpuModel, emulator);
    }
}
