package dev.gcm.hypervisor.kvm;

import dev.gcm.facilitydb.model.FacilityList;
import dev.gcm.facilitydb.model.Ibc;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** The guest processor attribute: cpuid, guest IBC, guest facility list. */
public record ProcessorAttr(long cpuid, Ibc ibc, FacilityList facList) {

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(KvmS390.PROCESSOR_SIZE);
        b.putLong(cpuid).putShort((short) ibc.value()).put(new byte[6]);
        b.put(facList.toBytes(2048));
        return b.array();
    }

    public static ProcessorAttr decode(byte[] bytes) {
        if (bytes.length != KvmS390.PROCESSOR_SIZE) {
            throw new IllegalArgumentException("processor attribute has " + bytes.length + " bytes, want "
                    + KvmS390.PROCESSOR_SIZE);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long cpuid = b.getLong();
        int ibc = b.getShort() & 0xfff;
        return new ProcessorAttr(cpuid, new Ibc(ibc), FacilityList.fromBytes(Arrays.copyOfRange(bytes, 16, bytes.length)));
    }
}
