package dev.gcm.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

/** Failures in words, never "null". */
class FailuresTest {

    @Test
    void aRefusedConnectionOfJavasHttpClientSaysSo() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        IOException e = null;
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException thrown) {
            e = thrown;
        }
        assertThat(e).isNotNull();
        assertThat(Failures.describe(e)).containsIgnoringCase("connection refused").doesNotContain("null");
    }

    @Test
    void kindsWithoutMessagesAreNamedAndMessagesKept() {
        assertThat(Failures.describe(new ConnectException())).isEqualTo("connection refused");
        assertThat(Failures.describe(new ConnectException("Connection refused"))).isEqualTo("connection refused");
        assertThat(Failures.describe(new IOException(new ClosedChannelException()))).isEqualTo("connection closed");
        assertThat(Failures.describe(new HttpTimeoutException("request timed out"))).isEqualTo("no answer in time: request timed out");
        assertThat(Failures.describe(new IOException("disk full"))).isEqualTo("disk full");
        assertThat(Failures.describe(new IOException())).isEqualTo("IOException");
    }
}
