package dev.gcm.planner.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tokens the planner accepts, read from a JSON file:
 * {@code {"tokens": [{"token": "...", "role": "agent", "host": "h1"}, {"token": "...", "role": "reader"}]}}.
 * Tokens are kept only as SHA-256 digests. A lookup hashes the presented token and finds its digest in a
 * map (O(1) however many tokens there are: one per host at 100,000 hosts), then compares the digest found
 * with the presented one in constant time. The map's probing depends only on the digest, which a caller
 * cannot steer towards a stored token's without a preimage of SHA-256.
 */
public final class TokenStore {

    private record Entry(byte[] digest, Caller caller) {
    }

    /** One digest per thread: event loops hash a token per request, and looking the algorithm up costs more. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final Map<ByteBuffer, Entry> byDigest;

    private TokenStore(Map<ByteBuffer, Entry> byDigest) {
        this.byDigest = Map.copyOf(byDigest);
    }

    public static TokenStore load(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(file));
        JsonNode tokens = root == null ? null : root.get("tokens");
        if (tokens == null || !tokens.isArray()) {
            throw new IOException(file + ": expected {\"tokens\": [...]}");
        }
        Map<ByteBuffer, Entry> entries = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            JsonNode t = tokens.get(i);
            String where = file + ": tokens[" + i + "]";
            String token = t.path("token").asText("");
            if (token.length() < 16) {
                throw new IOException(where + ": a token needs at least 16 characters");
            }
            Role role;
            try {
                role = Role.valueOf(t.path("role").asText("").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IOException(where + ": role must be agent, reader, gate or admin");
            }
            Optional<String> host = Optional.ofNullable(t.get("host")).map(JsonNode::asText);
            if (role == Role.AGENT && host.isEmpty()) {
                throw new IOException(where + ": an agent token names its host");
            }
            String name = role.name().toLowerCase(Locale.ROOT) + host.map(h -> ":" + h).orElse("") + "#"
                    + HexFormat.of().formatHex(digest(token), 0, 4);
            byte[] digest = digest(token);
            if (entries.put(ByteBuffer.wrap(digest), new Entry(digest, new Caller(role, host, name))) != null) {
                throw new IOException(where + ": this token is listed twice");
            }
        }
        return new TokenStore(entries);
    }

    /** The caller a bearer token stands for. */
    public Optional<Caller> authenticate(String token) {
        byte[] d = digest(token);
        Entry found = byDigest.get(ByteBuffer.wrap(d));
        if (found == null || !MessageDigest.isEqual(found.digest, d)) {
            return Optional.empty();
        }
        return Optional.of(found.caller);
    }

    public int size() {
        return byDigest.size();
    }

    private static byte[] digest(String token) {
        return SHA256.get().digest(token.getBytes(StandardCharsets.UTF_8));
    }
}
