package dev.gcm.agent;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * What failed, in words an operator can act on. Java's HTTP client often throws exceptions without a
 * message (a refused connection is a bare {@code ConnectException}), so this names the kind of failure
 * from the exception's type and causes, and never prints "null".
 */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String kind = kind(c);
            if (kind != null) {
                return withDetail(kind, c.getMessage());
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                return c.getMessage();
            }
        }
        return t.getClass().getSimpleName();
    }

    /** Failure kinds, most specific first (a connect timeout is also a timeout). */
    private static final List<Map.Entry<Class<? extends Throwable>, String>> KINDS = List.of(
            Map.entry(HttpConnectTimeoutException.class, "connection timed out"),
            Map.entry(HttpTimeoutException.class, "no answer in time"),
            Map.entry(ConnectException.class, "connection refused"),
            Map.entry(NoRouteToHostException.class, "no route to host"),
            Map.entry(UnknownHostException.class, "unknown host"),
            Map.entry(SSLException.class, "TLS failed"),
            Map.entry(ClosedChannelException.class, "connection closed"));

    private static String kind(Throwable t) {
        return KINDS.stream().filter(k -> k.getKey().isInstance(t)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static String withDetail(String kind, String message) {
        if (message != null && message.strip().equalsIgnoreCase(kind)) {
            return kind;
        }
        if (message == null || message.isBlank() || message.equalsIgnoreCase(kind)
                || message.toLowerCase(java.util.Locale.ROOT).contains(kind)) {
            return message == null || message.isBlank() ? kind : message;
        }
        return kind + ": " + message;
    }
}
