package dev.gcm.agent;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The agent's HTTP/1.1 client for the planner: one blocking call at a time per connection, on connections
 * kept open between calls (a few idle per planner, none reused after {@link #IDLE_REUSE} idle, well inside
 * the planner's own idle timeout), over TLS when the URL says https (the host name verified). Bounded: a
 * head of 16 KiB, a body of 8 MiB, every read within the call's deadline.
 *
 * <p>Why not {@code java.net.http.HttpClient}: a call through it passes from the caller to its selector thread
 * and an executor and back. Measured on loopback at the hook's pace (one check every 30 ms), a gate check
 * took p50 2.5 ms and p99 7 to 9 ms through it, and 0.75 ms and 2.5 to 4.4 ms on a kept-open socket.
 */
final class KeptAliveHttp implements AutoCloseable {

    /** An answer: its status and body (UTF-8). */
    record Response(int status, String body) {
    }

    static final Duration IDLE_REUSE = Duration.ofSeconds(4);
    private static final int IDLE_PER_ORIGIN = 4;
    private static final int MAX_HEAD = 16 * 1024;
    private static final int MAX_BODY = 8 * 1024 * 1024;

    private final java.util.function.Supplier<SSLContext> tlsSource;
    private volatile SSLContext tls;
    private final Duration connectTimeout;
    private final Map<String, ConcurrentLinkedDeque<Connection>> idle = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** @param tls the TLS context for https URLs, made when the first one is opened (plain HTTP never needs it) */
    KeptAliveHttp(java.util.function.Supplier<SSLContext> tls, Duration connectTimeout) {
        this.tlsSource = tls;
        this.connectTimeout = connectTimeout;
    }

    private SSLContext tls() {
        SSLContext t = tls;
        if (t == null) {
            synchronized (this) {
                t = tls;
                if (t == null) {
                    t = tlsSource.get();
                    tls = t;
                }
            }
        }
        return t;
    }

    /**
     * Sends one request and reads its answer within {@code timeout}. A kept connection that turns out closed
     * before any byte of an answer came (the planner closed it while idle) is replaced by a new one once.
     */
    Response send(URI uri, String method, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String origin = origin(uri);
        byte[] request = request(uri, method, headers, body);
        Connection c = reusable(origin);
        if (c != null) {
            try {
                return exchange(c, origin, request, deadline, true);
            } catch (StaleConnectionException stale) {
                c.close(); // closed by the planner while idle: try a new connection
            }
        }
        try {
            return exchange(open(uri, deadline), origin, request, deadline, false);
        } catch (StaleConnectionException e) {
            throw new IOException("connection closed before an answer came", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        idle.values().forEach(q -> q.forEach(Connection::close));
        idle.clear();
    }

    private Response exchange(Connection c, String origin, byte[] request, long deadline, boolean reused)
            throws IOException {
        boolean keep = false;
        try {
            c.deadline = deadline;
            c.answerStarted = false;
            c.out.write(request);
            c.out.flush();
            Response r = readResponse(c);
            keep = c.reusable;
            return r;
        } catch (SocketTimeoutException e) {
            throw new HttpTimeoutException("no answer within the call's deadline");
        } catch (HttpTimeoutException | StaleConnectionException e) {
            throw e;
        } catch (IOException e) {
            if (reused && !c.answerStarted) {
                throw new StaleConnectionException(); // reset or broken pipe on a connection the planner closed
            }
            throw e;
        } finally {
            if (keep && !closed) {
                release(origin, c);
            } else {
                c.close();
            }
        }
    }

    private Connection reusable(String origin) {
        ConcurrentLinkedDeque<Connection> q = idle.get(origin);
        for (Connection c = q == null ? null : q.pollFirst(); c != null; c = q.pollFirst()) {
            if (System.nanoTime() - c.idleSince < IDLE_REUSE.toNanos() && !c.socket.isClosed()) {
                return c;
            }
            c.close();
        }
        return null;
    }

    private void release(String origin, Connection c) {
        c.idleSince = System.nanoTime();
        ConcurrentLinkedDeque<Connection> q = idle.computeIfAbsent(origin, o -> new ConcurrentLinkedDeque<>());
        q.addFirst(c);
        while (q.size() > IDLE_PER_ORIGIN) {
            Connection extra = q.pollLast();
            if (extra != null) {
                extra.close();
            }
        }
    }

    private Connection open(URI uri, long deadline) throws IOException {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        Socket plain = new Socket();
        try {
            long left = Math.max(1, Math.min(connectTimeout.toMillis(), (deadline - System.nanoTime()) / 1_000_000));
            plain.connect(new InetSocketAddress(uri.getHost(), port), (int) left);
            plain.setTcpNoDelay(true);
            Socket s = plain;
            if (https) {
                SSLSocket t = (SSLSocket) tls().getSocketFactory().createSocket(plain, uri.getHost(), port, true);
                SSLParameters p = t.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                t.setSSLParameters(p);
                t.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                t.startHandshake();
                s = t;
            }
            return new Connection(s);
        } catch (SocketTimeoutException e) {
            plain.close();
            throw new HttpConnectTimeoutException("no connection to " + origin(uri) + " in time");
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private static byte[] request(URI uri, String method, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(256).append(method).append(' ')
                .append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(uri.getHost()).append(uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                .append("\r\nContent-Length: ").append(body.length).append("\r\n");
        headers.forEach((k, v) -> {
            if (k.indexOf('\r') >= 0 || k.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a header with a line break: " + k);
            }
            head.append(k).append(": ").append(v).append("\r\n");
        });
        byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    private static Response readResponse(Connection c) throws IOException {
        String status = c.line(true);
        if (!status.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x answer: " + status.substring(0, Math.min(40, status.length())));
        }
        int code;
        try {
            code = Integer.parseInt(status.substring(9, 12));
        } catch (RuntimeException e) {
            throw new IOException("no status in the answer: " + status.substring(0, Math.min(40, status.length())));
        }
        long length = -1;
        boolean chunked = false;
        boolean close = status.startsWith("HTTP/1.0");
        int headBytes = status.length();
        for (String line = c.line(false); !line.isEmpty(); line = c.line(false)) {
            headBytes += line.length();
            if (headBytes > MAX_HEAD) {
                throw new IOException("the answer's head is over " + MAX_HEAD + " bytes");
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? line : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = parseLength(value);
                case "transfer-encoding" -> chunked = value.endsWith("chunked");
                case "connection" -> close = value.contains("close") || (close && !value.contains("keep-alive"));
                default -> {
                    // not needed
                }
            }
        }
        byte[] body;
        if (code == 204 || code == 304 || code / 100 == 1) {
            body = new byte[0];
        } else if (chunked) {
            body = c.chunked();
        } else if (length >= 0) {
            body = c.exactly(length);
        } else {
            body = c.toEnd();
            close = true;
        }
        c.reusable = !close;
        return new Response(code, new String(body, StandardCharsets.UTF_8));
    }

    private static long parseLength(String value) throws IOException {
        try {
            long n = Long.parseLong(value);
            if (n < 0 || n > MAX_BODY) {
                throw new IOException("an answer of " + value + " bytes (at most " + MAX_BODY + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("a bad Content-Length in the answer: " + value);
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + ":" + uri.getPort();
    }

    /** Thrown when a connection ends before the first byte of an answer. */
    private static final class StaleConnectionException extends EOFException {
        private static final long serialVersionUID = 1L;
    }

    /** One open connection; its reads honour the current call's deadline. */
    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        volatile long idleSince = System.nanoTime();
        long deadline;
        boolean reusable;
        boolean answerStarted;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            InputStream raw = socket.getInputStream();
            this.in = new BufferedInputStream(new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        throw new HttpTimeoutException("no answer within the call's deadline");
                    }
                    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                    return raw.read(b, off, len);
                }
            }, 8192);
            this.out = new java.io.BufferedOutputStream(socket.getOutputStream(), 8192);
        }

        /** A line of the head, without its CRLF; the status line may find the connection already closed. */
        String line(boolean first) throws IOException {
            StringBuilder sb = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    if (first && sb.length() == 0) {
                        throw new StaleConnectionException();
                    }
                    throw new EOFException("the answer ended within its head");
                }
                if (sb.length() >= MAX_HEAD) {
                    throw new IOException("a line of the answer's head is over " + MAX_HEAD + " bytes");
                }
                answerStarted = true;
                if (b != '\r') {
                    sb.append((char) b);
                }
            }
            return sb.toString();
        }

        byte[] exactly(long n) throws IOException {
            byte[] b = in.readNBytes((int) n);
            if (b.length < n) {
                throw new EOFException("the answer ended after " + b.length + " of " + n + " bytes");
            }
            return b;
        }

        byte[] chunked() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line(false);
                int semi = size.indexOf(';');
                long n;
                try {
                    n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("a bad chunk size in the answer: " + size);
                }
                if (n == 0) {
                    while (!line(false).isEmpty()) {
                        // trailers, ignored
                    }
                    return body.toByteArray();
                }
                if (n < 0 || body.size() + n > MAX_BODY) {
                    throw new IOException("an answer of more than " + MAX_BODY + " bytes");
                }
                body.write(exactly(n));
                line(false);
            }
        }

        byte[] toEnd() throws IOException {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) {
                throw new IOException("an answer of more than " + MAX_BODY + " bytes");
            }
            return b;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
