package dev.gcm.hypervisor.qmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A client for QEMU's machine protocol: JSON objects, one per line, over a Unix socket or TCP. It reads
 * the greeting, negotiates capabilities, and runs commands one at a time; asynchronous events are
 * skipped. Every read has a deadline.
 */
public final class QmpClient implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SocketChannel channel;
    private final Selector selector;
    private final Duration timeout;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final JsonNode greeting;

    private QmpClient(SocketChannel channel, Duration timeout) throws IOException {
        this.channel = channel;
        this.timeout = timeout;
        channel.configureBlocking(false);
        this.selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
        buffer.flip();
        this.greeting = readMessage();
        if (!greeting.has("QMP")) {
            throw new IOException("not a QMP greeting: " + greeting);
        }
        try {
            execute("qmp_capabilities", null);
        } catch (QmpException e) {
            throw new IOException("QMP negotiation failed: " + e.getMessage(), e);
        }
    }

    /** Connects to a QMP Unix socket and negotiates capabilities. */
    public static QmpClient connect(Path socket, Duration timeout) throws IOException {
        return open(UnixDomainSocketAddress.of(socket), SocketChannel.open(StandardProtocolFamily.UNIX), timeout);
    }

    /** Connects to a QMP TCP endpoint and negotiates capabilities. */
    public static QmpClient connect(String host, int port, Duration timeout) throws IOException {
        return open(new InetSocketAddress(host, port), SocketChannel.open(), timeout);
    }

    private static QmpClient open(SocketAddress address, SocketChannel channel, Duration timeout) throws IOException {
        try {
            channel.connect(address);
            return new QmpClient(channel, timeout);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The greeting QEMU sent, e.g. {@code {"QMP": {"version": ...}}}. */
    public JsonNode greeting() {
        return greeting;
    }

    /**
     * Runs a command and returns its {@code return} value.
     *
     * @throws QmpException when QEMU answers with an error, or the connection breaks or times out
     */
    public JsonNode execute(String command, ObjectNode arguments) {
        ObjectNode request = MAPPER.createObjectNode().put("execute", command);
        if (arguments != null) {
            request.set("arguments", arguments);
        }
        try {
            byte[] bytes = (MAPPER.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer out = ByteBuffer.wrap(bytes);
            while (out.hasRemaining()) {
                channel.write(out);
            }
            while (true) {
                JsonNode reply = readMessage();
                if (reply.has("return")) {
                    return reply.get("return");
                }
                if (reply.has("error")) {
                    JsonNode error = reply.get("error");
                    throw new QmpException(command, error.path("class").asText(), error.path("desc").asText());
                }
                // anything else is an event: skip it
            }
        } catch (IOException e) {
            throw new QmpException(command + ": " + e.getMessage(), e);
        }
    }

    private JsonNode readMessage() throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        line.reset();
        while (true) {
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    return MAPPER.readTree(line.toByteArray());
                }
                line.write(b);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IOException("no answer from QEMU within " + timeout.toMillis() + " ms");
            }
            buffer.clear();
            selector.select(Math.max(1, left / 1_000_000));
            selector.selectedKeys().clear();
            int n = channel.read(buffer);
            buffer.flip();
            if (n < 0) {
                throw new IOException("QEMU closed the QMP connection");
            }
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
