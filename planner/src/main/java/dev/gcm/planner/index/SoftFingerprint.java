package dev.gcm.planner.index;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.FeatureSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A stable hash of a set of soft features: SHA-256 of their sorted names, first 16 hex digits. */
public final class SoftFingerprint {

    private SoftFingerprint() {
    }

    public static String of(Catalog catalog, FeatureSet soft) {
        String names = String.join(",", catalog.names(soft).stream().sorted().toList());
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(names.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
