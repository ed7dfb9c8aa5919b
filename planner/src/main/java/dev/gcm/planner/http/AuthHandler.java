package dev.gcm.planner.http;

import dev.gcm.planner.auth.Caller;
import dev.gcm.planner.auth.TokenStore;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Predicate;

/** Bearer-token authentication (401 without a known token) and role checks (403). */
final class AuthHandler implements Handler<RoutingContext> {

    static final String CALLER = "gcm.caller";

    private final Optional<TokenStore> tokens;

    /** Without a token store every caller is an admin: only for the insecure demo mode. */
    AuthHandler(Optional<TokenStore> tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (tokens.isEmpty()) {
            ctx.put(CALLER, Caller.INSECURE);
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            throw new ApiError(401, "UNAUTHENTICATED", "a bearer token is required (Authorization: Bearer ...)");
        }
        Caller caller = tokens.get().authenticate(header.substring(7).trim())
                .orElseThrow(() -> new ApiError(401, "UNAUTHENTICATED", "unknown token"));
        ctx.put(CALLER, caller);
        ctx.next();
    }

    static Caller caller(RoutingContext ctx) {
        return ctx.get(CALLER);
    }

    /** A handler that lets through only callers passing the test. */
    static Handler<RoutingContext> require(Predicate<Caller> test, String what) {
        return ctx -> {
            if (!test.test(caller(ctx))) {
                throw new ApiError(403, "FORBIDDEN", "this token may not " + what);
            }
            ctx.next();
        };
    }
}
