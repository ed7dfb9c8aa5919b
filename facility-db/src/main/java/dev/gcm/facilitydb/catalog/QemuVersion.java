package dev.gcm.facilitydb.catalog;

import java.util.Objects;

/** A QEMU release, such as 7.2.0; ordered by major, minor, micro. */
public record QemuVersion(int major, int minor, int micro) implements Comparable<QemuVersion> {

    /** QEMU 2.8 brought the s390x CPU models; older releases have none. */
    public static final QemuVersion FIRST_WITH_CPU_MODELS = new QemuVersion(2, 8, 0);

    public QemuVersion {
        if (major < 0 || minor < 0 || micro < 0) {
            throw new IllegalArgumentException("QEMU version parts must not be negative");
        }
    }

    /** Parses "7.2", "7.2.0" or "7.2.22". */
    public static QemuVersion parse(String text) {
        Objects.requireNonNull(text, "version");
        String[] parts = text.trim().split("\\.");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("not a QEMU version (want MAJOR.MINOR[.MICRO]): '" + text + "'");
        }
        try {
            int micro = parts.length == 3 ? Integer.parseInt(parts[2]) : 0;
            if (parts[0].length() > 4 || parts[1].length() > 4 || (parts.length == 3 && parts[2].length() > 4)) {
                throw new NumberFormatException("too many digits");
            }
            return new QemuVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), micro);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a QEMU version (want MAJOR.MINOR[.MICRO]): '" + text + "'", e);
        }
    }

    /** The release line this version belongs to, with the micro part dropped: 7.2.22 gives 7.2.0. */
    public QemuVersion release() {
        return new QemuVersion(major, minor, 0);
    }

    public boolean atLeast(QemuVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(QemuVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(micro, o.micro);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + micro;
    }
}
