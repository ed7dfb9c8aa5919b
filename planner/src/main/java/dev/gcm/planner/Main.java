package dev.gcm.planner;

import dev.gcm.planner.auth.TokenStore;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts one planner member from environment variables (see planner/README.md). */
public final class Main {

    private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    static {
        // Hazelcast runs some completions on the JDK's common pool, or on a new thread each when that pool's
        // parallelism is below 2 (a JVM given two processors or fewer, as a container's CPU limit gives it):
        // two workers, unless the operator said otherwise. Set before anything starts the pool.
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        PlannerConfig config;
        Optional<TokenStore> tokens;
        Optional<byte[]> secret;
        try {
            config = PlannerConfig.buildFromMap(System.getenv());
            tokens = tokens(config);
            secret = clusterSecret(config);
        } catch (Exception e) {
            System.err.println("gcm-planner: " + e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("configuration: {}", config.describe());
        Planner planner = Planner.start(config, tokens, secret);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            planner.close();
            stopped.countDown();
        }, "gcm-shutdown"));
        stopped.await();
    }

    /**
     * The secret members prove to each other; a member meant to have company refuses to start without
     * one, unless GCM_INSECURE asks for a demo.
     */
    static Optional<byte[]> clusterSecret(PlannerConfig config) throws java.io.IOException {
        if (config.clusterSecretFile().isPresent()) {
            byte[] secret = new String(java.nio.file.Files.readAllBytes(config.clusterSecretFile().get()),
                    java.nio.charset.StandardCharsets.UTF_8).strip().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (secret.length < 16) {
                throw new IllegalArgumentException("GCM_CLUSTER_SECRET_FILE holds fewer than 16 bytes");
            }
            return Optional.of(secret);
        }
        if (config.clustered() && !config.insecure()) {
            throw new IllegalStateException("no GCM_CLUSTER_SECRET_FILE: members with company must prove a shared"
                    + " secret (set GCM_INSECURE=true only for a demo on a private machine)");
        }
        if (config.clustered()) {
            LOG.warn("*** no GCM_CLUSTER_SECRET_FILE: members are not verified; never do this in production ***");
        }
        return Optional.empty();
    }

    /** The token store, or none in insecure mode; refuses to run open by accident. */
    static Optional<TokenStore> tokens(PlannerConfig config) throws Exception {
        if (config.tokensFile().isPresent()) {
            TokenStore store = TokenStore.load(config.tokensFile().get());
            LOG.info("{} tokens loaded from {}", store.size(), config.tokensFile().get());
            return Optional.of(store);
        }
        if (!config.insecure()) {
            throw new IllegalStateException("no GCM_TOKENS_FILE: refusing to serve an unauthenticated API"
                    + " (set GCM_INSECURE=true only for a demo on a private machine)");
        }
        LOG.warn("*** GCM_INSECURE=true: the API accepts every request without a token; never do this in production ***");
        return Optional.empty();
    }
}
