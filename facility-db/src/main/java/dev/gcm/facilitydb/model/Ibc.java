package dev.gcm.facilitydb.model;

/**
 * An instruction-blocking control level: 12 bits, {@code ((generation - 10) << 4) | ga} for z10
 * and later; 0 before z10 (no IBC).
 */
public record Ibc(int value) implements Comparable<Ibc> {

    public static final Ibc NONE = new Ibc(0);
    public static final int MAX = 0xfff;

    public Ibc {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException(
                    "IBC " + value + " (0x" + Integer.toHexString(value) + ") is outside 12 bits (0x000..0xfff)");
        }
    }

    /** The IBC of a generation and GA level; 0 for generations before z10. */
    public static Ibc of(int generation, int ga) {
        if (generation < 10) {
            return NONE;
        }
        return new Ibc(((generation - 10) << 4) | ga);
    }

    /** Parses "0x032", "32" (decimal) or "0X32". */
    public static Ibc parse(String text) {
        String t = text.trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return new Ibc(Integer.parseInt(t.substring(2), 16));
            }
            return new Ibc(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an IBC value: '" + text + "'", e);
        }
    }

    public boolean isNone() {
        return value == 0;
    }

    /** The generation this IBC stands for; 0 when there is no IBC. */
    public int generation() {
        return value == 0 ? 0 : (value >> 4) + 10;
    }

    /** The GA level this IBC stands for; 0 when there is no IBC. */
    public int ga() {
        return value & 0xf;
    }

    @Override
    public int compareTo(Ibc o) {
        return Integer.compare(value, o.value);
    }

    @Override
    public String toString() {
        return String.format("0x%03x", value);
    }
}
