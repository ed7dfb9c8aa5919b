package dev.gcm.planner.http;

import dev.gcm.planner.auth.Caller;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Every route of {@code /api/v1}: its method and path, who may call it, and the largest body it takes.
 * All of it is known from the request line and the path, so a request is authenticated and authorized,
 * and its body size and type checked, before one byte of its body is read. Bodies are JSON; {@code POST
 * /baseline} and {@code /compare} also take libvirt XML ({@link #takesXml}).
 */
public enum Endpoint {
    PING(HttpMethod.GET, "/ping", Access.ANY, 0),
    OPENAPI(HttpMethod.GET, "/openapi.yaml", Access.READ, 0),
    HOSTS(HttpMethod.GET, "/hosts", Access.READ, 0),
    HOST(HttpMethod.GET, "/hosts/:id", Access.READ, 0),
    HOST_PUT(HttpMethod.PUT, "/hosts/:id", Access.HOST_WRITER, 1 << 20),
    HOST_CORDON(HttpMethod.POST, "/hosts/:id/cordon", Access.ADMIN, 0),
    HOST_UNCORDON(HttpMethod.POST, "/hosts/:id/uncordon", Access.ADMIN, 0),
    HOST_DECOMMISSION(HttpMethod.DELETE, "/hosts/:id", Access.ADMIN, 0),
    HOST_RECOMMISSION(HttpMethod.POST, "/hosts/:id/recommission", Access.ADMIN, 0),
    POOLS(HttpMethod.GET, "/pools", Access.READ, 0),
    POOL_PUT(HttpMethod.PUT, "/pools/:name", Access.ADMIN, 64 << 10),
    POOL_GCM(HttpMethod.GET, "/pools/:name/gcm", Access.READ, 0),
    POOL_HEATMAP(HttpMethod.GET, "/pools/:name/heatmap", Access.READ, 0),
    WHAT_IF(HttpMethod.POST, "/pools/:name/what-if", Access.DECIDE, 512 << 10),
    CATALOG(HttpMethod.GET, "/catalog", Access.READ, 0),
    BASELINE(HttpMethod.POST, "/baseline", Access.DECIDE, 256 << 10, true),
    COMPARE(HttpMethod.POST, "/compare", Access.DECIDE, 64 << 10, true),
    CHECK(HttpMethod.POST, "/migrations/check", Access.DECIDE_OR_AGENT, 64 << 10),
    EVACUATE(HttpMethod.POST, "/plans/evacuate", Access.DECIDE, 64 << 10),
    DECISIONS(HttpMethod.GET, "/decisions", Access.READ, 0),
    EVENTS(HttpMethod.GET, "/events", Access.READ, 0);

    /** The routes whose requests come thousands a second: matched first (the router tries routes in order). */
    private static final Set<Endpoint> HOT = EnumSet.of(CHECK, HOST_PUT);

    /** Where the API lives. */
    public static final String PREFIX = "/api/v1";

    private final HttpMethod method;
    private final String path;
    private final Access access;
    private final int maxBody;
    private final boolean takesXml;

    Endpoint(HttpMethod method, String path, Access access, int maxBody) {
        this(method, path, access, maxBody, false);
    }

    Endpoint(HttpMethod method, String path, Access access, int maxBody, boolean takesXml) {
        this.method = method;
        this.path = path;
        this.access = access;
        this.maxBody = maxBody;
        this.takesXml = takesXml;
    }

    public HttpMethod method() {
        return method;
    }

    /** The path under {@link #PREFIX}, with {@code :param} placeholders. */
    public String path() {
        return path;
    }

    public Access access() {
        return access;
    }

    /** The largest body this route takes, in bytes; 0: it takes none. */
    public int maxBody() {
        return maxBody;
    }

    /**
     * Whether the route also takes {@code application/xml} bodies (libvirt {@code <cpu>} elements, domain
     * capabilities or domains, read safely by {@code ModelForms}); every other body is JSON.
     */
    public boolean takesXml() {
        return takesXml;
    }

    /** Who may call a route: a test of the caller and the route's path parameters. */
    public enum Access {
        /** Any authenticated caller. */
        ANY((c, p) -> true, "call the API"),
        /** Readers, gates and admins. */
        READ((c, p) -> c.canRead(), "read"),
        /** Gates and admins: decisions, plans, what-ifs, baselines and comparisons. */
        DECIDE((c, p) -> c.canDecide(), "ask for decisions"),
        /**
         * Gates and admins, and agents: an agent's libvirt hook asks about migrations to its own host (the
         * handler checks the target against the token, {@code Caller.mayCheckMigrationTo}).
         */
        DECIDE_OR_AGENT((c, p) -> c.canDecide() || c.role() == dev.gcm.planner.auth.Role.AGENT, "ask for decisions"),
        ADMIN((c, p) -> c.isAdmin(), "administer the planner"),
        /** The agent of the host named in the path, or an admin. */
        HOST_WRITER((c, p) -> c.mayWriteHost(p.apply("id")), "write this host's record");

        private final BiPredicate<Caller, java.util.function.Function<String, String>> test;
        private final String what;

        Access(BiPredicate<Caller, java.util.function.Function<String, String>> test, String what) {
            this.test = test;
            this.what = what;
        }

        /** Whether the caller may call a route with these path parameters. */
        public boolean allows(Caller caller, java.util.function.Function<String, String> pathParam) {
            return test.test(caller, pathParam);
        }

        /** What a refused caller may not do, for the 403 message. */
        public String what() {
            return what;
        }
    }

    /** Every endpoint, the hot ones first: the order the router is given them in (paths never overlap). */
    static List<Endpoint> inRoutingOrder() {
        List<Endpoint> order = new ArrayList<>(HOT);
        for (Endpoint e : values()) {
            if (!HOT.contains(e)) {
                order.add(e);
            }
        }
        return order;
    }
}
