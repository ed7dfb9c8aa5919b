package dev.gcm.planner.http;

import dev.gcm.planner.auth.Caller;
import dev.gcm.planner.auth.Role;
import dev.gcm.planner.auth.TokenStore;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The planner's HTTP API: routes, the role each needs, and errors as {"code", "message"}. */
public final class PlannerApi {

    private static final Logger LOG = LoggerFactory.getLogger(PlannerApi.class);
    public static final long MAX_BODY = 1 << 20;

    private PlannerApi() {
    }

    public static Router router(Services s, Optional<TokenStore> tokens) {
        Router r = Router.router(s.vertx());
        HostsHandler hosts = new HostsHandler(s);
        PoolsHandler pools = new PoolsHandler(s);
        DecisionsHandler decisions = new DecisionsHandler(s);
        ModelsHandler models = new ModelsHandler(s.index().catalog());
        EventsHandler events = new EventsHandler(s);
        CatalogHandler catalog = new CatalogHandler(s.index().catalog());
        HeatmapHandler heatmap = new HeatmapHandler(s);
        String openapi = resource("/dev/gcm/planner/openapi.yaml");

        r.get("/livez").handler(ctx -> Json.ok(ctx, Json.object().put("status", "ok")));
        r.get("/readyz").handler(ctx -> {
            boolean ready = s.ready().getAsBoolean();
            Json.send(ctx, ready ? 200 : 503, Json.object().put("status", ready ? "ready" : "not ready")
                    .put("quorum", s.health().hasQuorum()).put("unverifiedMembers", s.health().unverifiedMembers())
                    .put("indexVersion", s.index().version()));
        });
        r.get("/metrics").handler(ctx -> ctx.response().putHeader("content-type", "text/plain; version=0.0.4")
                .end(s.metrics().scrape()));

        String api = "/api/v1";
        r.route(api + "/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY).setHandleFileUploads(false));
        r.route(api + "/*").handler(new AuthHandler(tokens));
        Handler<RoutingContext> read = AuthHandler.require(Caller::canRead, "read");
        Handler<RoutingContext> decide = AuthHandler.require(Caller::canDecide, "ask for decisions");
        Handler<RoutingContext> admin = AuthHandler.require(Caller::isAdmin, "administer the planner");

        r.get(api + "/openapi.yaml").handler(read).handler(ctx -> ctx.response()
                .putHeader("content-type", "application/yaml").end(openapi));
        r.get(api + "/hosts").handler(read).handler(hosts::list);
        r.get(api + "/hosts/:id").handler(read).handler(hosts::get);
        r.put(api + "/hosts/:id").handler(hosts::put);
        r.post(api + "/hosts/:id/cordon").handler(admin).handler(ctx -> hosts.cordon(ctx, true));
        r.post(api + "/hosts/:id/uncordon").handler(admin).handler(ctx -> hosts.cordon(ctx, false));
        r.delete(api + "/hosts/:id").handler(admin).handler(hosts::decommission);
        r.post(api + "/hosts/:id/recommission").handler(admin).handler(hosts::recommission);
        r.get(api + "/pools").handler(read).handler(pools::list);
        r.put(api + "/pools/:name").handler(admin).handler(pools::put);
        r.get(api + "/pools/:name/gcm").handler(read).handler(pools::gcm);
        r.get(api + "/pools/:name/heatmap").handler(read).handler(heatmap::get);
        r.get(api + "/catalog").handler(read).handler(catalog::get);
        r.post(api + "/pools/:name/what-if").handler(decide).handler(pools::whatIf);
        r.post(api + "/baseline").handler(decide).handler(models::baseline);
        r.post(api + "/compare").handler(decide).handler(models::compare);
        // agents too, for their own host only (DecisionsHandler checks the target): their libvirt hook asks
        r.post(api + "/migrations/check").handler(AuthHandler.require(c -> c.canDecide() || c.role() == Role.AGENT,
                "ask for decisions")).handler(decisions::check);
        r.post(api + "/plans/evacuate").handler(decide).handler(decisions::evacuate);
        r.get(api + "/decisions").handler(read).handler(decisions::list);
        r.get(api + "/events").handler(read).handler(events::subscribe);
        r.route(api + "/*").handler(ctx -> {
            throw ApiError.notFound("no such endpoint: " + ctx.request().method() + " " + ctx.request().path());
        });
        DashboardRoutes.mount(r);
        r.route().failureHandler(PlannerApi::failure);
        return r;
    }

    private static void failure(RoutingContext ctx) {
        Throwable t = ctx.failure() == null ? null : GridErrors.apiError(ctx.failure());
        if (t instanceof ApiError e) {
            var body = Json.object().put("code", e.code()).put("message", e.getMessage());
            if (e.detail() != null) {
                body.setAll(e.detail());
            }
            Json.send(ctx, e.status(), body);
            return;
        }
        int status = ctx.statusCode();
        if (status == 413) {
            Json.send(ctx, 413, Json.object().put("code", "BODY_TOO_LARGE")
                    .put("message", "request bodies are limited to " + MAX_BODY + " bytes"));
        } else if (status >= 400 && status < 500) {
            Json.send(ctx, status, Json.object().put("code", "BAD_REQUEST").put("message", "the request was refused"));
        } else {
            LOG.error("request {} {} failed", ctx.request().method(), ctx.request().path(), t);
            Json.send(ctx, 500, Json.object().put("code", "INTERNAL").put("message", "internal error; see the planner log"));
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
