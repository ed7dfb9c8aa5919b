package dev.gcm.planner.grid;

import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.core.OperationTimeoutException;
import com.hazelcast.spi.exception.RetryableException;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import dev.gcm.planner.model.GridHealth;
import dev.gcm.planner.model.GridUnavailableException;
import dev.gcm.planner.model.GridUnavailableException.Kind;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Every grid call the API makes goes through here: it has a deadline ({@value #TIMEOUT_MILLIS} ms, so a
 * paused or cut-off member makes a request fail fast instead of hang), writes are refused while this
 * member sees a member it cannot verify, and Hazelcast's exceptions become {@link GridUnavailableException}.
 *
 * <p>The futures returned complete on the thread that completes Hazelcast's (its partition or response
 * thread): what is chained on them must not block (hand over to a Vert.x context, or wake a thread waiting
 * with {@code get}, as every caller does). Hazelcast would otherwise run each completion on its default
 * executor, which in a JVM given at most two processors (a container's CPU limit) starts a new thread per
 * completion.
 */
public final class GridCalls {

    /** How long an API request waits for the grid. */
    public static final long TIMEOUT_MILLIS = 2500;

    /** Runs a completion where it happens (it only maps an exception and completes a future). */
    private static final Executor IN_PLACE = Runnable::run;

    private GridCalls() {
    }

    /** A read: a deadline and mapped exceptions. */
    static <T> CompletableFuture<T> read(Supplier<CompletionStage<T>> call) {
        CompletableFuture<T> out = new CompletableFuture<>();
        CompletionStage<T> stage;
        try {
            stage = call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(map(e));
        }
        stage.whenCompleteAsync((v, e) -> {
            if (e != null) {
                out.completeExceptionally(map(e));
            } else {
                out.complete(v);
            }
        }, IN_PLACE);
        return out.orTimeout(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).exceptionallyCompose(e ->
                CompletableFuture.failedFuture(map(e)));
    }

    /** A write: refused at once while a member is unverified; then as a read. */
    static <T> CompletableFuture<T> write(GridHealth health, Supplier<CompletionStage<T>> call) {
        if (health.unverifiedMembers() > 0) {
            return CompletableFuture.failedFuture(new GridUnavailableException(Kind.UNVERIFIED_MEMBER,
                    "this planner member sees a member that cannot prove the cluster secret; nothing was stored", null));
        }
        return read(call);
    }

    /** Waits for a call made outside the API (reconcile, start-up), with the same deadline and mapping. */
    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GridUnavailableException(Kind.UNAVAILABLE, "interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw map(e);
        }
    }

    /** The domain's exception for what Hazelcast threw (others pass unchanged). */
    static RuntimeException map(Throwable e) {
        Throwable cause = e;
        // Hazelcast wraps a checked cause in a plain HazelcastException (e.g. a member that left, from a cancel)
        while ((cause instanceof CompletionException || cause instanceof ExecutionException
                || cause.getClass() == HazelcastException.class) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof GridUnavailableException g) {
            return g;
        }
        if (cause instanceof SplitBrainProtectionException) {
            return new GridUnavailableException(Kind.NO_QUORUM,
                    "this planner member cannot see a majority of the cluster; nothing was stored", cause);
        }
        if (cause instanceof TimeoutException || cause instanceof OperationTimeoutException) {
            return new GridUnavailableException(Kind.TIMEOUT, "the grid did not answer within " + TIMEOUT_MILLIS
                    + " ms (a member is paused or cut off); the change may or may not be stored: retry", cause);
        }
        if (cause instanceof HazelcastInstanceNotActiveException || cause instanceof MemberLeftException
                || cause instanceof RetryableException) {
            return new GridUnavailableException(Kind.UNAVAILABLE, "the grid is rearranging itself: retry", cause);
        }
        return cause instanceof RuntimeException r ? r : new CompletionException(cause);
    }
}
