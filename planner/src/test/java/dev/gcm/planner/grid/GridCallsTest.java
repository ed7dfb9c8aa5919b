package dev.gcm.planner.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.core.OperationTimeoutException;
import dev.gcm.planner.model.GridUnavailableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Hazelcast's exceptions, however wrapped, become the grid's own (503s), never an internal error. */
class GridCallsTest {

    @Test
    void wrappedGridFailuresMapToTheirKind() {
        assertThat(kind(new HazelcastException(new MemberLeftException("a member left"))))
                .isEqualTo(GridUnavailableException.Kind.UNAVAILABLE);
        assertThat(kind(new CompletionException(new HazelcastException(new OperationTimeoutException("slow")))))
                .isEqualTo(GridUnavailableException.Kind.TIMEOUT);
        assertThat(kind(new ExecutionException(new MemberLeftException("gone")))).isEqualTo(GridUnavailableException.Kind.UNAVAILABLE);
        // a HazelcastException of its own (no cause) is not a grid failure we know: left as it is
        assertThat(GridCalls.map(new HazelcastException("odd"))).isInstanceOf(HazelcastException.class)
                .isNotInstanceOf(GridUnavailableException.class);
    }

    private static GridUnavailableException.Kind kind(Throwable t) {
        RuntimeException mapped = GridCalls.map(t);
        assertThat(mapped).isInstanceOf(GridUnavailableException.class);
        return ((GridUnavailableException) mapped).kind();
    }
}
