package dev.gcm.facilitydb.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * The JSON parser settings for everything read from outside (files, request bodies): a key that appears
 * twice in one object is an error (never last-wins), and nesting, strings and numbers have bounds far
 * above any real document and far below what would cost the reader.
 */
public final class StrictJson {

    /** Objects and arrays nest at most this deep (a CPU model inside a request is four levels). */
    public static final int MAX_NESTING_DEPTH = 64;
    /** The longest string value or key read, in characters. */
    public static final int MAX_STRING_LENGTH = 1 << 20;
    /** The longest number read, in digits. */
    public static final int MAX_NUMBER_LENGTH = 64;

    private StrictJson() {
    }

    /** A new factory with these settings (one per mapper). */
    public static JsonFactory factory() {
        return JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH).maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNameLength(MAX_STRING_LENGTH).build())
                .build();
    }
}
