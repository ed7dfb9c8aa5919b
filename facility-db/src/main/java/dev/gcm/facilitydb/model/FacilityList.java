package dev.gcm.facilitydb.model;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.IntStream;
import org.roaringbitmap.RoaringBitmap;

/**
 * An STFLE facility list: facility numbers as the Principles of Operation counts them, bit 0 being
 * the most significant bit of the first doubleword. Facility n sits in big-endian u64 word n/64 at
 * value bit 63 - n%64, which is byte n/8 under mask 0x80 >> n%8. The KVM interface carries 256
 * words, so facility numbers run from 0 to {@value #MAX_BIT}.
 */
public final class FacilityList {

    public static final int WORDS = 256;
    public static final int MAX_BIT = WORDS * 64 - 1;

    private static final FacilityList EMPTY = new FacilityList(new RoaringBitmap());

    private final RoaringBitmap bits;

    private FacilityList(RoaringBitmap bits) {
        this.bits = bits;
    }

    public static FacilityList empty() {
        return EMPTY;
    }

    /** A list of the given facility numbers; each must lie in 0..16383. */
    public static FacilityList of(int... facilities) {
        RoaringBitmap b = new RoaringBitmap();
        for (int f : facilities) {
            checkBit(f);
            b.add(f);
        }
        return new FacilityList(b);
    }

    /** Decodes big-endian u64 words (the KVM fac_mask / fac_list layout); at most 256 words. */
    public static FacilityList fromWords(long[] words) {
        if (words.length > WORDS) {
            throw new IllegalArgumentException("a facility list has at most " + WORDS + " words, got " + words.length);
        }
        RoaringBitmap b = new RoaringBitmap();
        for (int w = 0; w < words.length; w++) {
            long word = words[w];
            while (word != 0) {
                int fromMsb = Long.numberOfLeadingZeros(word);
                b.add(w * 64 + fromMsb);
                word &= ~(Long.MIN_VALUE >>> fromMsb);
            }
        }
        return new FacilityList(b);
    }

    /** Decodes a byte array, byte n/8 holding facility n under mask 0x80 >> n%8; at most 2048 bytes. */
    public static FacilityList fromBytes(byte[] bytes) {
        if (bytes.length > WORDS * 8) {
            throw new IllegalArgumentException("a facility list has at most " + WORDS * 8 + " bytes, got " + bytes.length);
        }
        RoaringBitmap b = new RoaringBitmap();
        for (int i = 0; i < bytes.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                if ((bytes[i] & (0x80 >> bit)) != 0) {
                    b.add(i * 8 + bit);
                }
            }
        }
        return new FacilityList(b);
    }

    /** Decodes a hex string of the byte layout (as {@link #toHex()} writes it); blanks are ignored. */
    public static FacilityList fromHex(String hex) {
        String clean = hex.replaceAll("\\s+", "");
        if (clean.startsWith("0x") || clean.startsWith("0X")) {
            clean = clean.substring(2);
        }
        if (clean.length() % 2 != 0) {
            clean = clean + "0";
        }
        try {
            return fromBytes(HexFormat.of().parseHex(clean));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hex facility list: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the {@code facilities} line of s390x {@code /proc/cpuinfo}: either the whole file or just
     * that line, e.g. {@code facilities      : 0 1 2 3 4 6 7 8 9 10}.
     */
    public static FacilityList fromCpuinfo(String text) {
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals("facilities")) {
                String values = line.substring(colon + 1).trim();
                int[] numbers = values.isEmpty() ? new int[0]
                        : Arrays.stream(values.split("\\s+")).mapToInt(FacilityList::parseBit).toArray();
                return of(numbers);
            }
        }
        throw new IllegalArgumentException("no 'facilities' line in the cpuinfo text");
    }

    private static int parseBit(String token) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a facility number in the facilities line: '" + token + "'", e);
        }
    }

    private static void checkBit(int f) {
        if (f < 0 || f > MAX_BIT) {
            throw new IllegalArgumentException("facility " + f + " is outside 0.." + MAX_BIT);
        }
    }

    public boolean contains(int facility) {
        return bits.contains(facility);
    }

    public int[] facilities() {
        return bits.toArray();
    }

    public IntStream stream() {
        return bits.stream();
    }

    public int size() {
        return bits.getCardinality();
    }

    public FacilityList and(FacilityList other) {
        return new FacilityList(RoaringBitmap.and(bits, other.bits));
    }

    public FacilityList or(FacilityList other) {
        return new FacilityList(RoaringBitmap.or(bits, other.bits));
    }

    /** Encodes as {@code wordCount} big-endian u64 words (256 for the KVM interface). */
    public long[] toWords(int wordCount) {
        long[] words = new long[wordCount];
        bits.forEach((int f) -> {
            if (f / 64 >= wordCount) {
                throw new IllegalArgumentException("facility " + f + " does not fit in " + wordCount + " words");
            }
            words[f / 64] |= Long.MIN_VALUE >>> (f % 64);
        });
        return words;
    }

    /** Encodes as {@code length} bytes, byte n/8 under mask 0x80 >> n%8. */
    public byte[] toBytes(int length) {
        byte[] out = new byte[length];
        bits.forEach((int f) -> {
            if (f / 8 >= length) {
                throw new IllegalArgumentException("facility " + f + " does not fit in " + length + " bytes");
            }
            out[f / 8] |= (byte) (0x80 >> (f % 8));
        });
        return out;
    }

    /** Lowercase hex of the shortest byte layout that holds every facility (whole doublewords). */
    public String toHex() {
        int last = bits.isEmpty() ? -1 : bits.last();
        int words = last < 0 ? 1 : last / 64 + 1;
        return HexFormat.of().formatHex(toBytes(words * 8));
    }

    /** The {@code facilities} line as s390x /proc/cpuinfo prints it. */
    public String toCpuinfoLine() {
        StringBuilder sb = new StringBuilder("facilities      :");
        bits.forEach((int f) -> sb.append(' ').append(f));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FacilityList other && bits.equals(other.bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }

    @Override
    public String toString() {
        return bits.toString();
    }
}
