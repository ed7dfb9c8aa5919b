package dev.gcm.agent;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's endpoint for its libvirt hook: HTTP/1.1 (one request per connection, as curl sends it) on a
 * Unix socket that only its owner and root may open (mode 0600, bound in a private directory and then moved
 * into place, so it is never open to others; a directory the agent creates for it is 0700). Never reachable
 * off the host, and usable from a DaemonSet pod through a hostPath without host networking. Bounded: a
 * request head of 16 KiB, a body of 1 MiB, 4 requests at a time (more wait in the socket's backlog of 16,
 * beyond it a connection is refused), 10 s to send a request.
 *
 * <p>Each of the 4 serving threads accepts a connection and serves it itself: a verdict's path has no
 * hand-over between threads (on a VM every wake-up of another thread costs), and nothing per connection
 * wakes another thread either: one sweeper looks at the 4 slots twice a second and closes a connection
 * whose request has not arrived in time.
 */
final class HookServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HookServer.class);
    static final int MAX_BODY = 1 << 20;
    static final int THREADS = 4;
    static final int BACKLOG = 16;
    private static final Duration SEND_WITHIN = Duration.ofSeconds(10);
    private static final long SWEEP_MILLIS = 500;

    /** What one serving thread is reading (null: nothing) and by when that request must be in. */
    private static final class Slot {
        volatile SocketChannel reading;
        volatile long deadlineNanos;
    }

    private final Path socket;
    private final ServerSocketChannel server;
    private final HookHttp http;
    private final long sendWithinNanos;
    private final Slot[] slots = new Slot[THREADS];
    private final Thread sweeper;

    private HookServer(Path socket, ServerSocketChannel server, HookHttp.Handler handler, Duration sendWithin) {
        this.socket = socket;
        this.server = server;
        this.http = new HookHttp(handler);
        this.sendWithinNanos = sendWithin.toNanos();
        for (int i = 0; i < THREADS; i++) {
            Slot slot = new Slot();
            slots[i] = slot;
            daemon(() -> serveLoop(slot), "gcm-hook-" + i).start();
        }
        this.sweeper = daemon(this::sweepLoop, "gcm-hook-sweeper");
        sweeper.start();
    }

    /** Listens at {@code socket}, replacing a socket left by an earlier run (never another kind of file). */
    static HookServer start(Path socket, HookHttp.Handler handler) throws IOException {
        return start(socket, handler, SEND_WITHIN);
    }

    /** As {@link #start(Path, HookHttp.Handler)}, with the time a client has to send its request. */
    static HookServer start(Path socket, HookHttp.Handler handler, Duration sendWithin) throws IOException {
        Path dir = socket.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)
                && !Files.readAttributes(socket, java.nio.file.attribute.BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS).isOther()) {
            throw new IOException(socket + " exists and is not a socket; not replacing it");
        }
        Path privateDir = Files.createTempDirectory(dir, ".gcm-hook-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path bound = privateDir.resolve("s");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(bound), BACKLOG);
            Files.setPosixFilePermissions(bound, PosixFilePermissions.fromString("rw-------"));
            Files.move(bound, socket, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        } finally {
            Files.deleteIfExists(bound);
            Files.deleteIfExists(privateDir);
        }
        return new HookServer(socket, server, handler, sendWithin);
    }

    Path socket() {
        return socket;
    }

    /** One serving thread: accepts a connection and serves it, until the socket is closed. */
    private void serveLoop(Slot slot) {
        while (server.isOpen()) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("hook socket {}: {}", socket, Failures.describe(e));
                }
                continue;
            }
            serve(c, slot);
        }
    }

    private void serve(SocketChannel c, Slot slot) {
        slot.deadlineNanos = System.nanoTime() + sendWithinNanos;
        slot.reading = c;
        try (c) {
            if (!fromRootOrOwner(c)) {
                return;
            }
            http.exchange(c, () -> slot.reading = null);
        } catch (IOException e) {
            // the hook gave up or sent something that is not HTTP; it decides on its own then
        } finally {
            slot.reading = null;
        }
    }

    /** Closes every connection whose request is not in by its deadline (the thread reading it then moves on). */
    private void sweepLoop() {
        while (server.isOpen()) {
            try {
                Thread.sleep(SWEEP_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Slot slot : slots) {
                SocketChannel c = slot.reading;
                if (c != null && now - slot.deadlineNanos > 0) {
                    closeQuietly(c);
                }
            }
        }
    }

    /** The socket's mode already keeps others out; the peer's credentials say so again. */
    private static boolean fromRootOrOwner(SocketChannel c) {
        try {
            String peer = c.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user().getName();
            boolean ok = peer.equals("root") || peer.equals("0") || peer.equals(System.getProperty("user.name"));
            if (!ok) {
                LOG.warn("hook socket: refused a connection from user {}", peer);
            }
            return ok;
        } catch (IOException | UnsupportedOperationException e) {
            return true;
        }
    }

    private static void closeQuietly(SocketChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closed already
        }
    }

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stops listening and removes the socket. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        sweeper.interrupt();
        try {
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // left for the next start to replace
        }
    }
}
