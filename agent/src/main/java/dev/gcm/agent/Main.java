package dev.gcm.agent;

import dev.gcm.facilitydb.catalog.Catalog;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the agent from environment variables (see agent/README.md); SIGTERM stops it gracefully. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        AgentConfig config;
        try {
            config = AgentConfig.buildFromMap(System.getenv());
            config.probe().build(Catalog.load());
        } catch (RuntimeException e) {
            System.err.println("gcm-agent: " + e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("configuration: {}", config.describe());
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AgentConfig c = config;
        Agent agent = new Agent(config, config.probe().build(Catalog.load()),
                new Publisher(config.plannerUrls(), config.token(), config.requestTimeout(), Duration.ofSeconds(30),
                        config.cacert()),
                () -> HypervisorFingerprint.of(c.probe()), metrics);
        AgentEndpoint endpoint = new AgentEndpoint(config.port(), agent, metrics);
        agent.start();
        LOG.info("agent for {} running; endpoint on port {}", config.hostId(), endpoint.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: last heartbeat marked as leaving");
            agent.close();
            endpoint.close();
            stopped.countDown();
        }, "gcm-agent-shutdown"));
        stopped.await();
    }
}
