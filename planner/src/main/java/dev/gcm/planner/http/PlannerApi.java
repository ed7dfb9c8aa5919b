package dev.gcm.planner.http;

import dev.gcm.planner.auth.TokenStore;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The planner's HTTP routes: health and metrics (no token), every {@link Endpoint} behind its
 * {@link Door} (and, for routes that take one, a body handler with the route's limit), the dashboard,
 * and errors as JSON ({@link Failures}).
 */
public final class PlannerApi {

    private static final String OPENAPI = resource("/dev/gcm/planner/openapi.yaml");

    private PlannerApi() {
    }

    /** The router of one HTTP verticle; call on that verticle's context (its event streams tick there). */
    public static Router router(Vertx vertx, Services s, Optional<TokenStore> tokens) {
        Router r = Router.router(vertx);
        r.get("/livez").handler(ctx -> Json.ok(ctx, Json.object().put("status", "ok")));
        r.get("/readyz").handler(ctx -> {
            Optional<String> waitingFor = s.waitingFor().get();
            var body = Json.object().put("status", waitingFor.isEmpty() ? "ready" : "not ready");
            waitingFor.ifPresent(w -> body.put("waitingFor", w));
            Json.send(ctx, waitingFor.isEmpty() ? 200 : 503, body.put("quorum", s.health().hasQuorum())
                    .put("unverifiedMembers", s.health().unverifiedMembers()).put("indexVersion", s.index().version()));
        });
        r.get("/metrics").handler(ctx -> ctx.response().putHeader("content-type", "text/plain; version=0.0.4")
                .end(s.metrics().scrape()));

        Handlers handlers = new Handlers(vertx, s);
        for (Endpoint e : Endpoint.inRoutingOrder()) {
            var route = r.route(e.method(), Endpoint.PREFIX + e.path()).handler(new Door(tokens, e));
            if (e.maxBody() > 0) {
                route.handler(BodyHandler.create(false).setBodyLimit(e.maxBody()));
            }
            route.handler(handlers.of(e));
        }
        r.route(Endpoint.PREFIX + "/*").handler(new Door(tokens, null)).handler(ctx -> {
            throw ApiError.notFound("no such endpoint: " + ctx.request().method() + " " + ctx.request().path());
        });
        DashboardRoutes.mount(r);
        r.route().failureHandler(Failures::handle);
        // what no route handled (a page that does not exist, a method a path does not take): JSON too
        for (int status : new int[] {400, 404, 405, 406, 413, 415}) {
            r.errorHandler(status, Failures::handle);
        }
        return r;
    }

    /** The handlers of one router, by endpoint. */
    private static final class Handlers {
        private final HostsHandler hosts;
        private final PoolsHandler pools;
        private final DecisionsHandler decisions;
        private final ModelsHandler models;
        private final EventsHandler events;
        private final CatalogHandler catalog;

        Handlers(Vertx vertx, Services s) {
            hosts = new HostsHandler(s);
            pools = new PoolsHandler(s);
            decisions = new DecisionsHandler(s);
            models = new ModelsHandler(s);
            events = new EventsHandler(vertx, s);
            catalog = new CatalogHandler(s.index().catalog());
        }

        Handler<RoutingContext> of(Endpoint e) {
            return switch (e) {
                case PING -> ctx -> Json.ok(ctx, Json.object().put("status", "ok"));
                case OPENAPI -> ctx -> ctx.response().putHeader("content-type", "application/yaml").end(OPENAPI);
                case HOSTS -> hosts::list;
                case HOST -> hosts::get;
                case HOST_PUT -> hosts::put;
                case HOST_CORDON -> ctx -> hosts.cordon(ctx, true);
                case HOST_UNCORDON -> ctx -> hosts.cordon(ctx, false);
                case HOST_DECOMMISSION -> hosts::decommission;
                case HOST_RECOMMISSION -> hosts::recommission;
                case POOLS -> pools::list;
                case POOL_PUT -> pools::put;
                case POOL_GCM -> pools::gcm;
                case POOL_HEATMAP -> pools::heatmap;
                case WHAT_IF -> pools::whatIf;
                case CATALOG -> catalog::get;
                case BASELINE -> models::baseline;
                case COMPARE -> models::compare;
                case CHECK -> decisions::check;
                case EVACUATE -> decisions::evacuate;
                case DECISIONS -> decisions::list;
                case EVENTS -> events::subscribe;
            };
        }
    }

    private static String resource(String name) {
        try (InputStream in = PlannerApi.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
