package dev.gcm.planner.query;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque continue token of a host list: the last host id of the page and a digest of the filters, in
 * base64url. A page resumes strictly after that id, so hosts coming and going between pages never make a host
 * present throughout appear twice or not at all; a token given with other filters is refused.
 */
public final class ContinueToken {

    /** The longest token taken (a host id is at most 253 characters). */
    public static final int MAX_LENGTH = 512;
    private static final byte VERSION = 1;

    private ContinueToken() {
    }

    static String encode(HostQuery q, String lastId) {
        byte[] id = lastId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + id.length).put(VERSION).putInt(q.filterKey().hashCode()).put(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /**
     * The host id a token resumes after.
     *
     * @param filterKey the filters of the query it comes with ({@link HostQuery#filterKey})
     * @throws IllegalArgumentException when it is no token of ours or came with other filters
     */
    static String after(String token, String filterKey) {
        byte[] raw;
        try {
            raw = token.length() > MAX_LENGTH ? new byte[0] : Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            raw = new byte[0];
        }
        if (raw.length < 6 || raw[0] != VERSION) {
            throw new IllegalArgumentException("continue is not a token this planner gave; start again without it");
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        b.get();
        if (b.getInt() != filterKey.hashCode()) {
            throw new IllegalArgumentException("continue belongs to a list with other filters (pool, state, selector);"
                    + " ask again with the same filters, or start without it");
        }
        return new String(raw, 5, raw.length - 5, StandardCharsets.UTF_8);
    }
}
