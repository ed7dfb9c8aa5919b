package dev.gcm.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hook's socket: requests served by the thread that accepted them, silent clients cut off in time. */
class HookServerTest {

    private static final String REQUEST = "POST /v1/libvirt/migrate-begin HTTP/1.1\r\nHost: gcm-agent\r\n"
            + "Content-Type: application/xml\r\nContent-Length: 7\r\n\r\n<x></x>";

    @Test
    void answersOnTheThreadThatAcceptedTheConnection(@TempDir Path dir) throws Exception {
        List<String> servedBy = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (HookServer server = HookServer.start(dir.resolve("hook.sock"), r -> {
            servedBy.add(Thread.currentThread().getName());
            return new HookHttp.Reply(200, "gcm: " + new String(r.body(), StandardCharsets.UTF_8) + "\n");
        })) {
            for (int i = 0; i < 20; i++) {
                assertThat(ask(server.socket(), REQUEST)).startsWith("HTTP/1.1 200").endsWith("gcm: <x></x>\n");
            }
        }
        assertThat(servedBy).hasSize(20).allMatch(name -> name.matches("gcm-hook-[0-3]"));
    }

    @Test
    void connectionsThatSendNothingAreClosedAndTheNextRequestIsServed(@TempDir Path dir) throws Exception {
        try (HookServer server = HookServer.start(dir.resolve("hook.sock"),
                r -> new HookHttp.Reply(200, "gcm: ok\n"), Duration.ofMillis(300))) {
            // every serving thread held by a client that never sends its request
            List<SocketChannel> silent = new ArrayList<>();
            for (int i = 0; i < HookServer.THREADS; i++) {
                silent.add(SocketChannel.open(UnixDomainSocketAddress.of(server.socket())));
            }
            CompletableFuture<String> next = CompletableFuture.supplyAsync(() -> {
                try {
                    return ask(server.socket(), REQUEST);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(next.get(20, TimeUnit.SECONDS)).startsWith("HTTP/1.1 200");
            for (SocketChannel c : silent) {
                try (c) {
                    // closed by the server: end of stream, with nothing written
                    CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
                        try {
                            return c.read(ByteBuffer.allocate(64));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                    assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(-1);
                }
            }
        }
    }

    private static String ask(Path socket, String request) throws IOException {
        try (SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            c.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            return new String(Channels.newInputStream(c).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
