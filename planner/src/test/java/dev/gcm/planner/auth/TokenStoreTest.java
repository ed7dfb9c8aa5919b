package dev.gcm.planner.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One agent token per host, as designed: 100,000 of them, each found for its host and no other. */
class TokenStoreTest {

    static final int HOSTS = 100_000;

    static String agentToken(int i) {
        return "agent-token-" + i + "-0123456789";
    }

    @Test
    void aHundredThousandAgentTokensEachStandForTheirOwnHost(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokens.json");
        StringBuilder json = new StringBuilder("{\"tokens\": [");
        for (int i = 0; i < HOSTS; i++) {
            json.append("{\"token\": \"").append(agentToken(i)).append("\", \"role\": \"agent\", \"host\": \"host-")
                    .append(i).append("\"},");
        }
        json.append("{\"token\": \"gate-token-0123456789\", \"role\": \"gate\"}]}");
        Files.writeString(file, json);
        TokenStore store = TokenStore.load(file);
        assertThat(store.size()).isEqualTo(HOSTS + 1);
        for (int i = 0; i < HOSTS; i++) {
            Caller c = store.authenticate(agentToken(i)).orElseThrow();
            assertThat(c.role()).isEqualTo(Role.AGENT);
            assertThat(c.host()).contains("host-" + i);
            assertThat(c.mayWriteHost("host-" + i)).isTrue();
            assertThat(c.mayWriteHost("host-" + (i + 1))).isFalse();
        }
        assertThat(store.authenticate("gate-token-0123456789").map(Caller::role)).contains(Role.GATE);
        assertThat(store.authenticate("agent-token-unknown-0123456789")).isEmpty();
        assertThat(store.authenticate(agentToken(7) + "x")).isEmpty();
        assertThat(store.authenticate("")).isEmpty();
    }

    @Test
    void aTokenListedTwiceIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, "{\"tokens\": [{\"token\": \"same-token-0123456789\", \"role\": \"reader\"},"
                + "{\"token\": \"same-token-0123456789\", \"role\": \"admin\"}]}");
        assertThatThrownBy(() -> TokenStore.load(file)).hasMessageContaining("tokens[1]").hasMessageContaining("twice");
    }
}
