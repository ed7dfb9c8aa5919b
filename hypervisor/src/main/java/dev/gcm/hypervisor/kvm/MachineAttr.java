package dev.gcm.hypervisor.kvm;

import dev.gcm.facilitydb.model.FacilityList;
import dev.gcm.facilitydb.model.IbcRange;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The host machine attribute: cpuid, IBC range (lowest in bits 16-27, unblocked in 0-11), KVM's
 * facility mask (what it can offer a guest) and the host's raw facility list.
 */
public record MachineAttr(long cpuid, IbcRange ibc, FacilityList facMask, FacilityList facList) {

    /** The machine type, bits 16-31 of the cpuid. */
    public int machineType() {
        return (int) ((cpuid >>> 16) & 0xffff);
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(KvmS390.MACHINE_SIZE);
        b.putLong(cpuid).putInt((int) ibc.packed()).putInt(0);
        b.put(facMask.toBytes(2048)).put(facList.toBytes(2048));
        return b.array();
    }

    public static MachineAttr decode(byte[] bytes) {
        if (bytes.length != KvmS390.MACHINE_SIZE) {
            throw new IllegalArgumentException("machine attribute has " + bytes.length + " bytes, want "
                    + KvmS390.MACHINE_SIZE);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long cpuid = b.getLong();
        long ibc = b.getInt() & 0xffffffffL;
        return new MachineAttr(cpuid, IbcRange.fromPacked(ibc),
                FacilityList.fromBytes(Arrays.copyOfRange(bytes, 16, 16 + 2048)),
                FacilityList.fromBytes(Arrays.copyOfRange(bytes, 16 + 2048, 16 + 4096)));
    }
}
