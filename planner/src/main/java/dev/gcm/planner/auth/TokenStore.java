package dev.gcm.planner.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tokens the planner accepts, read from a JSON file:
 * {@code {"tokens": [{"token": "...", "role": "agent", "host": "h1"}, {"token": "...", "role": "reader"}]}}.
 * Tokens are kept only as SHA-256 digests and compared in constant time.
 */
public final class TokenStore {

    private record Entry(byte[] digest, Caller caller) {
    }

    private final List<Entry> entries;

    private TokenStore(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static TokenStore load(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(file));
        JsonNode tokens = root == null ? null : root.get("tokens");
        if (tokens == null || !tokens.isArray()) {
            throw new IOException(file + ": expected {\"tokens\": [...]}");
        }
        List<Entry> entries = new ArrayList<>();
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
            entries.add(new Entry(digest(token), new Caller(role, host, name)));
        }
        return new TokenStore(entries);
    }

    /** The caller a bearer token stands for. */
    public Optional<Caller> authenticate(String token) {
        byte[] d = digest(token);
        Caller found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(e.digest, d)) {
                found = e.caller;
            }
        }
        return Optional.ofNullable(found);
    }

    public int size() {
        return entries.size();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
