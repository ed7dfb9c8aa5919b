package dev.gcm.agent;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's endpoint for its libvirt hook: HTTP/1.1 (one request per connection, as curl sends it) on a
 * Unix socket that only its owner and root may open (mode 0600, bound in a private directory and then moved
 * into place, so it is never open to others; a directory the agent creates for it is 0700). Never reachable
 * off the host, and usable from a DaemonSet pod through a hostPath without host networking. Bounded: a
 * request head of 16 KiB, a body of 1 MiB, 4 requests at a time and 16 waiting, 10 s to send a request.
 */
final class HookServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HookServer.class);
    static final int MAX_BODY = 1 << 20;

    private final Path socket;
    private final ServerSocketChannel server;
    private final HookHttp http;
    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(4, 4, 1, TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(16), r -> daemon(r, "gcm-hook"));
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "gcm-hook-watchdog"));
    private final Thread acceptor;

    private HookServer(Path socket, ServerSocketChannel server, HookHttp.Handler handler) {
        this.socket = socket;
        this.server = server;
        this.http = new HookHttp(handler);
        this.acceptor = daemon(this::acceptLoop, "gcm-hook-accept");
        acceptor.start();
    }

    /** Listens at {@code socket}, replacing a socket left by an earlier run (never another kind of file). */
    static HookServer start(Path socket, HookHttp.Handler handler) throws IOException {
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
            server.bind(UnixDomainSocketAddress.of(bound));
            Files.setPosixFilePermissions(bound, PosixFilePermissions.fromString("rw-------"));
            Files.move(bound, socket, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        } finally {
            Files.deleteIfExists(bound);
            Files.deleteIfExists(privateDir);
        }
        return new HookServer(socket, server, handler);
    }

    Path socket() {
        return socket;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("hook socket {}: {}", socket, Failures.describe(e));
                }
                continue;
            }
            try {
                workers.execute(() -> serve(c));
            } catch (RejectedExecutionException busy) {
                closeQuietly(c);
            }
        }
    }

    private void serve(SocketChannel c) {
        ScheduledFuture<?> cut = watchdog.schedule(() -> closeQuietly(c), 10, TimeUnit.SECONDS);
        try (c) {
            if (!fromRootOrOwner(c)) {
                return;
            }
            http.exchange(c, () -> cut.cancel(false));
        } catch (IOException e) {
            // the hook gave up or sent something that is not HTTP; it decides on its own then
        } finally {
            cut.cancel(false);
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
        workers.shutdownNow();
        watchdog.shutdownNow();
        try {
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // left for the next start to replace
        }
    }
}
