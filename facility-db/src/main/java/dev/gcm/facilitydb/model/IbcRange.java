package dev.gcm.facilitydb.model;

import java.util.Objects;

/**
 * The IBC levels a host can run: guests older than {@code lowest} cannot run there; a guest newer than
 * {@code unblocked} never can. KVM reports it packed as {@code lowest << 16 | unblocked}.
 */
public record IbcRange(Ibc lowest, Ibc unblocked) {

    public IbcRange {
        Objects.requireNonNull(lowest, "lowest");
        Objects.requireNonNull(unblocked, "unblocked");
        if (lowest.compareTo(unblocked) > 0) {
            throw new IllegalArgumentException("IBC range: lowest " + lowest + " is above unblocked " + unblocked);
        }
    }

    /** Unpacks KVM's machine attribute: lowest in bits 16-27, unblocked in bits 0-11. */
    public static IbcRange fromPacked(long packed) {
        return new IbcRange(new Ibc((int) ((packed >> 16) & 0xfff)), new Ibc((int) (packed & 0xfff)));
    }

    public long packed() {
        return ((long) lowest.value() << 16) | unblocked.value();
    }

    public boolean contains(Ibc ibc) {
        return ibc.compareTo(lowest) >= 0 && ibc.compareTo(unblocked) <= 0;
    }

    /** KVM's rule for a guest IBC: a non-zero value is clamped into the range. */
    public Ibc clamp(Ibc requested) {
        if (requested.isNone()) {
            return requested;
        }
        if (requested.compareTo(lowest) < 0) {
            return lowest;
        }
        return requested.compareTo(unblocked) > 0 ? unblocked : requested;
    }

    @Override
    public String toString() {
        return "[" + lowest + ", " + unblocked + "]";
    }
}
