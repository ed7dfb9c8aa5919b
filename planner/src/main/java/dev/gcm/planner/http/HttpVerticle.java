package dev.gcm.planner.http;

import dev.gcm.planner.auth.TokenStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the planner's HTTP server on its own event loop; the planner deploys one per core
 * (GCM_HTTP_INSTANCES) and Vert.x spreads connections over them. Each instance has its own router,
 * event streams and connection guard; what they share (the index, the stores, the worker pool, the
 * stream caps) comes in {@link Services}.
 */
public final class HttpVerticle extends VerticleBase {

    /** The longest request line (method, path, query, version) in bytes; longer: 414. */
    static final int MAX_LINE = 4096;
    /** The largest request headers in bytes; larger: 431. */
    static final int MAX_HEADERS = 8192;
    /** Connections with nothing read or written for this long are closed (event streams ping well within it). */
    static final int IDLE_BACKSTOP_SECONDS = 60;

    /** Where and how to listen. */
    public record Listen(String host, int port, Optional<Path> tlsCert, Optional<Path> tlsKey) {
    }

    private final Services services;
    private final Optional<TokenStore> tokens;
    private final Listen listen;
    private HttpServer server;

    public HttpVerticle(Services services, Optional<TokenStore> tokens, Listen listen) {
        this.services = services;
        this.tokens = tokens;
        this.listen = listen;
    }

    @Override
    public Future<?> start() {
        HttpServerOptions options = new HttpServerOptions().setHost(listen.host()).setPort(listen.port())
                .setMaxInitialLineLength(MAX_LINE).setMaxHeaderSize(MAX_HEADERS)
                .setIdleTimeout(IDLE_BACKSTOP_SECONDS).setIdleTimeoutUnit(TimeUnit.SECONDS)
                // HTTP/1.1 only (no h2c upgrade, no ALPN): one request at a time per connection, so a refused
                // request can close its connection and the connection guard can time requests
                .setHttp2ClearTextEnabled(false).setUseAlpn(false);
        if (listen.tlsCert().isPresent()) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(listen.tlsCert().get().toString()).setKeyPath(listen.tlsKey().orElseThrow().toString()));
        }
        ConnectionGuard guard = new ConnectionGuard(services.api().idleTimeout(), services.api().requestTimeout());
        guard.start(vertx);
        Router router = PlannerApi.router(vertx, services, tokens);
        server = vertx.createHttpServer(options)
                .connectionHandler(guard::opened)
                .invalidRequestHandler(Failures::invalidRequest)
                .requestHandler(request -> {
                    guard.request(request);
                    router.handle(request);
                });
        return server.listen();
    }

    /** The port this instance listens on (all instances share it). */
    public int actualPort() {
        return server.actualPort();
    }
}
