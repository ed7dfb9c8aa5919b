package dev.gcm.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * The agent's token as of now: {@code GCM_TOKEN}, or the file {@code GCM_TOKEN_FILE} names, read again
 * whenever it changes (a rotated Secret or host file), so a refusal for a bad token ends as soon as the
 * token is fixed, without a restart.
 */
final class TokenSource {

    private final Optional<String> fixed;
    private final Optional<Path> file;
    private Optional<String> current;
    private FileTime stamp;
    private long size = -1;

    private TokenSource(Optional<String> fixed, Optional<Path> file) {
        this.fixed = fixed;
        this.file = file;
        this.current = fixed;
    }

    static TokenSource fixed(Optional<String> token) {
        return new TokenSource(token, Optional.empty());
    }

    static TokenSource of(AgentConfig config) {
        return config.tokenFile().isPresent() ? new TokenSource(config.token(), config.tokenFile())
                : fixed(config.token());
    }

    /** The token; an unreadable or empty file keeps the last good one. */
    synchronized Optional<String> current() {
        if (file.isEmpty()) {
            return fixed;
        }
        try {
            FileTime t = Files.getLastModifiedTime(file.get());
            long s = Files.size(file.get());
            if (!t.equals(stamp) || s != size) {
                String read = Files.readString(file.get()).strip();
                if (!read.isEmpty()) {
                    current = Optional.of(read);
                }
                stamp = t;
                size = s;
            }
        } catch (IOException e) {
            // a file being replaced; the last good token stays until it is back
        }
        return current;
    }
}
