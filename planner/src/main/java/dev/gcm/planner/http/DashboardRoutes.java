package dev.gcm.planner.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The dashboard: static files from the jar at {@code /}. They hold no data (the browser asks the
 * authenticated API), so they are served to anyone; strict headers keep them from being framed or
 * from running anything but their own scripts.
 */
final class DashboardRoutes {

    static final String ROOT = "dev/gcm/planner/dashboard";

    private DashboardRoutes() {
    }

    static void mount(Router r) {
        r.route().handler(ctx -> {
            ctx.response().putHeader("content-security-policy", "default-src 'self'; frame-ancestors 'none';"
                    + " base-uri 'none'; form-action 'self'")
                    .putHeader("x-content-type-options", "nosniff").putHeader("referrer-policy", "no-referrer");
            ctx.next();
        });
        r.route("/*").handler(StaticHandler.create(ROOT).setIndexPage("index.html").setCachingEnabled(false)
                .setDirectoryListing(false));
    }
}
