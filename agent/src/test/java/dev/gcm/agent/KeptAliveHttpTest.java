package dev.gcm.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's HTTP client against a server written byte by byte here: answers by length, chunked and until
 * close; connections kept and reused; one the server closed while idle replaced without the caller seeing
 * it; deadlines; bounds.
 */
class KeptAliveHttpTest {

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** A server answering each request on a connection with what {@code answer} makes of (connection, request). */
    private final class RawServer implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0);
        final AtomicInteger connections = new AtomicInteger();
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<Socket> sockets = new CopyOnWriteArrayList<>();

        RawServer(BiFunction<Integer, String, String> answer) throws IOException {
            open.add(this);
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        sockets.add(s);
                        int connection = connections.incrementAndGet();
                        Thread c = new Thread(() -> serve(s, connection, answer));
                        c.setDaemon(true);
                        c.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        private void serve(Socket s, int connection, BiFunction<Integer, String, String> answer) {
            try (s) {
                InputStream in = s.getInputStream();
                while (true) {
                    String request = readRequest(in);
                    if (request == null) {
                        return;
                    }
                    requests.add(request);
                    String out = answer.apply(connection, request);
                    if (out == null) {
                        return; // close without answering
                    }
                    s.getOutputStream().write(out.getBytes(StandardCharsets.UTF_8));
                    s.getOutputStream().flush();
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /** A request head and its body (by Content-Length), or null at the end of the connection. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String h = head.toString(StandardCharsets.ISO_8859_1);
            if (h.endsWith("\r\n\r\n")) {
                int length = 0;
                for (String line : h.split("\r\n")) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                return h + new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeptAliveHttp client() throws Exception {
        KeptAliveHttp c = new KeptAliveHttp(KeptAliveHttpTest::defaultTls, Duration.ofSeconds(2));
        open.add(c);
        return c;
    }

    private static String ok(String body) {
        return "HTTP/1.1 200 OK\r\ncontent-length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Test
    void sendsTheRequestAndReusesTheConnectionForTheNextCall() throws Exception {
        RawServer server = new RawServer((c, r) -> ok("{\"n\": " + c + "}"));
        KeptAliveHttp http = client();
        for (int i = 0; i < 5; i++) {
            KeptAliveHttp.Response r = http.send(server.uri("/api/v1/migrations/check?x=1"), "POST",
                    Map.of("Authorization", "Bearer t"), "{\"a\": \"ü\"}".getBytes(StandardCharsets.UTF_8),
                    Duration.ofSeconds(2));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"n\": 1}");
        }
        assertThat(server.connections.get()).isEqualTo(1);
        assertThat(server.requests.get(0)).startsWith("POST /api/v1/migrations/check?x=1 HTTP/1.1\r\n")
                .contains("\r\nAuthorization: Bearer t\r\n").contains("Content-Length: 11\r\n").endsWith("{\"a\": \"ü\"}");
    }

    @Test
    void plainHttpNeverMakesTheTlsContext() throws Exception {
        RawServer server = new RawServer((c, r) -> ok("{}"));
        AtomicInteger made = new AtomicInteger();
        KeptAliveHttp http = new KeptAliveHttp(() -> {
            made.incrementAndGet();
            throw new IllegalStateException("no TLS context should be made for plain HTTP");
        }, Duration.ofSeconds(2));
        open.add(http);
        for (int i = 0; i < 3; i++) {
            assertThat(http.send(server.uri("/api/v1/ping"), "GET", Map.of(), new byte[0], Duration.ofSeconds(2))
                    .status()).isEqualTo(200);
        }
        assertThat(made).hasValue(0);
    }

    @Test
    void readsChunkedAnswersAndAnswersThatEndWithTheConnection() throws Exception {
        RawServer chunked = new RawServer((c, r) -> "HTTP/1.1 403 Forbidden\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nTrailer: x\r\n\r\n");
        KeptAliveHttp http = client();
        KeptAliveHttp.Response r = http.send(chunked.uri("/"), "GET", Map.of(), new byte[0], Duration.ofSeconds(2));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).isEqualTo("hello, world");

        KeptAliveHttp.Response whole = http.send(uri(untilCloseThenClose()), "GET", Map.of(), new byte[0],
                Duration.ofSeconds(2));
        assertThat(whole.body()).isEqualTo("all of it");
    }

    /** A one-shot server that answers without a length and closes the connection. */
    private String untilCloseThenClose() throws IOException {
        ServerSocket s = new ServerSocket(0);
        open.add(s);
        Thread t = new Thread(() -> {
            try (Socket c = s.accept()) {
                readRequest(c.getInputStream());
                c.getOutputStream().write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it".getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // test ends
            }
        });
        t.setDaemon(true);
        t.start();
        return "http://127.0.0.1:" + s.getLocalPort() + "/";
    }

    private static URI uri(String s) {
        return URI.create(s);
    }

    @Test
    void aConnectionTheServerClosedWhileIdleIsReplacedOnceWithoutAnError() throws Exception {
        // the first connection answers once and then closes on its next request without a byte of answer
        AtomicInteger onFirst = new AtomicInteger();
        RawServer server = new RawServer((c, r) -> c == 1 && onFirst.incrementAndGet() > 1 ? null : ok("c" + c));
        KeptAliveHttp http = client();
        assertThat(http.send(server.uri("/"), "POST", Map.of(), new byte[] {'x'}, Duration.ofSeconds(2)).body())
                .isEqualTo("c1");
        assertThat(http.send(server.uri("/"), "POST", Map.of(), new byte[] {'x'}, Duration.ofSeconds(2)).body())
                .isEqualTo("c2");
        assertThat(server.connections.get()).isEqualTo(2);
    }

    @Test
    void aNewConnectionClosedBeforeAnAnswerIsAnErrorNotARetry() throws Exception {
        RawServer server = new RawServer((c, r) -> null);
        KeptAliveHttp http = client();
        assertThatThrownBy(() -> http.send(server.uri("/"), "POST", Map.of(), new byte[] {'x'}, Duration.ofSeconds(2)))
                .isInstanceOf(IOException.class).hasMessageContaining("closed before an answer");
        assertThat(server.connections.get()).isEqualTo(1);
    }

    @Test
    void anAnswerLateForTheDeadlineIsATimeoutAndTheConnectionIsNotReused() throws Exception {
        RawServer server = new RawServer((c, r) -> {
            if (c == 1) {
                try {
                    Thread.sleep(2000); // later than the caller's deadline on purpose
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ok("late" + c);
        });
        KeptAliveHttp http = client();
        assertThatThrownBy(() -> http.send(server.uri("/"), "GET", Map.of(), new byte[0], Duration.ofMillis(200)))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(http.send(server.uri("/"), "GET", Map.of(), new byte[0], Duration.ofSeconds(5)).body())
                .isEqualTo("late2");
    }

    @Test
    void refusesHeaderLineBreaksAndOversizedAnswers() throws Exception {
        RawServer huge = new RawServer((c, r) -> "HTTP/1.1 200 OK\r\ncontent-length: 999999999\r\n\r\n");
        KeptAliveHttp http = client();
        assertThatThrownBy(() -> http.send(huge.uri("/"), "GET", Map.of("X", "a\r\nInjected: 1"), new byte[0],
                Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class);
        assertThat(huge.requests).isEmpty();
        assertThatThrownBy(() -> http.send(huge.uri("/"), "GET", Map.of(), new byte[0], Duration.ofSeconds(2)))
                .isInstanceOf(IOException.class).hasMessageContaining("at most");
    }
}
