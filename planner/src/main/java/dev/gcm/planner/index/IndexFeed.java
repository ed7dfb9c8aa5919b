package dev.gcm.planner.index;

import dev.gcm.planner.model.HostAdmin;
import dev.gcm.planner.model.HostReport;
import dev.gcm.planner.model.PoolEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the index from the grid's listeners and from reconcile, through one writer thread, in the order
 * the events come (Hazelcast delivers one key's events in order). Records are read ahead on the calling
 * thread, so the writer seldom parses. Callers can wait until the index has seen a revision they wrote
 * (read-your-writes for the API), bounded.
 */
public final class IndexFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexFeed.class);

    private final FleetIndex index;
    private final IndexWriter writer;
    private final Reconciler reconciler;
    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "gcm-index-writer");
                t.setDaemon(true);
                return t;
            });
    /** Waiters by key ("h:" host report, "a:" host admin, "p:" pool); touched only on the writer's thread. */
    private final Map<String, List<Waiter>> waiters = new HashMap<>();

    private record Waiter(long revision, ToLongFunction<IndexWriter> seen, CompletableFuture<Boolean> done) {
    }

    public IndexFeed(FleetIndex index) {
        this.index = index;
        this.writer = index.writer();
        this.reconciler = new Reconciler(index);
    }

    /** Events waiting for the writer (a gauge). */
    public int backlog() {
        return thread.getQueue().size();
    }

    public void report(String id, HostReport r) {
        HostContent ahead = readAhead(id, r);
        run("h:" + id, () -> writer.report(r, ahead));
    }

    public void reportRemoved(String id, HostReport old) {
        run("h:" + id, () -> writer.reportRemoved(id, old));
    }

    public void admin(String id, HostAdmin a) {
        run("a:" + id, () -> writer.admin(id, a));
    }

    public void pool(String name, PoolEntry p) {
        run("p:" + name, () -> writer.pool(p));
    }

    public void poolRemoved(String name, PoolEntry old) {
        run("p:" + name, () -> writer.poolRemoved(name, old.revision()));
    }

    /** Forgets the hosts whose reports were lost. */
    public void lost(Predicate<String> hostLost) {
        run(null, () -> writer.dropHosts(hostLost));
    }

    /** The writer's mark: take it before reading the grid for reconcile. */
    public long mark() {
        return writer.touches();
    }

    /** Applies what reconcile read; completes with the number of fixes. */
    public CompletableFuture<Integer> reconcile(Reconciler.Truth truth) {
        CompletableFuture<Integer> out = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                out.complete(reconciler.apply(truth));
                wakeAll();
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    /** Reads a record ahead of the writer when its content is not what the index shows. */
    public HostContent readAhead(String id, HostReport r) {
        IndexedHost shown = index.snapshot().host(id).orElse(null);
        if (shown != null && shown.contentRevision() == r.contentRevision()) {
            return null;
        }
        try {
            return index.read(r);
        } catch (RuntimeException e) {
            return null; // the writer says why, if it still needs it
        }
    }

    /** Completes (true) once the index has seen this revision of the host's report; false after the timeout. */
    public CompletableFuture<Boolean> awaitReport(String id, long revision, long timeoutMillis) {
        return await("h:" + id, revision, w -> w.reportRevision(id), timeoutMillis);
    }

    public CompletableFuture<Boolean> awaitAdmin(String id, long revision, long timeoutMillis) {
        return await("a:" + id, revision, w -> w.adminRevision(id), timeoutMillis);
    }

    public CompletableFuture<Boolean> awaitPool(String name, long revision, long timeoutMillis) {
        return await("p:" + name, revision, w -> w.poolRevision(name), timeoutMillis);
    }

    private CompletableFuture<Boolean> await(String key, long revision, ToLongFunction<IndexWriter> seen, long timeoutMillis) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        thread.execute(() -> {
            if (seen.applyAsLong(writer) >= revision) {
                done.complete(true);
            } else {
                waiters.computeIfAbsent(key, k -> new ArrayList<>()).add(new Waiter(revision, seen, done));
            }
        });
        return done.completeOnTimeout(false, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void run(String key, Runnable change) {
        thread.execute(() -> {
            try {
                change.run();
            } catch (RuntimeException e) {
                LOG.error("index update failed", e);
            }
            if (key == null) {
                wakeAll();
            } else {
                wake(key);
            }
        });
    }

    private void wake(String key) {
        List<Waiter> list = waiters.get(key);
        if (list != null) {
            list.removeIf(w -> w.done().isDone() || w.seen().applyAsLong(writer) >= w.revision() && w.done().complete(true));
            if (list.isEmpty()) {
                waiters.remove(key);
            }
        }
    }

    private void wakeAll() {
        new ArrayList<>(waiters.keySet()).forEach(this::wake);
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
