package dev.gcm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Tokens for the benchmarks that run authenticated members (a planner tokens file: {@code {"tokens":
 * [{"token", "role", "host"?}]}}): an admin token and one agent token, written fresh per run.
 * {@code java -cp gcm-benchmarks.jar dev.gcm.bench.BenchAuth FILE AGENT_HOST} writes such a file.
 */
public final class BenchAuth {

    private BenchAuth() {
    }

    public static void main(String[] args) throws IOException {
        SecureRandom random = new SecureRandom();
        HexFormat hex = HexFormat.of();
        byte[] admin = new byte[16];
        byte[] agent = new byte[16];
        random.nextBytes(admin);
        random.nextBytes(agent);
        Files.writeString(Path.of(args[0]), "{\"tokens\": [{\"token\": \"admin-" + hex.formatHex(admin)
                + "\", \"role\": \"admin\"}, {\"token\": \"agent-" + hex.formatHex(agent) + "\", \"role\": \"agent\", \"host\": \""
                + args[1] + "\"}]}\n");
    }

    /** The first token of a role in the file (for an agent, of that host); empty without a file. */
    static Optional<String> token(Optional<Path> file, String role, String host) throws IOException {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode t : new ObjectMapper().readTree(file.get().toFile()).path("tokens")) {
            if (t.path("role").asText().equals(role) && (host == null || t.path("host").asText().equals(host))) {
                return Optional.of(t.path("token").asText());
            }
        }
        throw new IllegalArgumentException("no " + role + " token in " + file.get());
    }
}
