package dev.gcm.planner.grid;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.splitbrainprotection.SplitBrainProtection;
import dev.gcm.planner.PlannerConfig;

/**
 * The embedded Hazelcast member: explicit member list or Kubernetes DNS discovery, multicast and
 * phone-home off, the host map with a synchronous backup, majority split-brain protection and the
 * newer-report merge policy, and a bounded ring of decisions.
 */
public final class HzGrid implements AutoCloseable {

    public static final String HOSTS = "gcm-hosts";
    public static final String POOLS = "gcm-pools";
    public static final String DECISIONS = "gcm-decisions";
    static final String MAJORITY = "gcm-majority";

    private final HazelcastInstance hz;

    private HzGrid(HazelcastInstance hz) {
        this.hz = hz;
    }

    public static HzGrid start(PlannerConfig config) {
        Config c = new Config();
        c.setClusterName(config.clusterName());
        c.setProperty("hazelcast.phone.home.enabled", "false");
        c.setProperty("hazelcast.logging.type", "slf4j");
        c.setProperty("hazelcast.shutdownhook.enabled", "false");
        c.getNetworkConfig().setPort(config.hzPort()).setPortAutoIncrement(false);
        JoinConfig join = c.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        if (config.k8sServiceDns().isPresent()) {
            join.getKubernetesConfig().setEnabled(true).setProperty("service-dns", config.k8sServiceDns().get());
        } else {
            join.getTcpIpConfig().setEnabled(true).setMembers(config.members().isEmpty()
                    ? java.util.List.of("127.0.0.1:" + config.hzPort()) : config.members());
        }
        int majority = config.expectedMembers() / 2 + 1;
        c.addSplitBrainProtectionConfig(new SplitBrainProtectionConfig(MAJORITY, true, majority));
        MergePolicyConfig merge = new MergePolicyConfig(NewerReportMergePolicy.class.getName(), 100);
        // the index keeps its own compact copy of every host: no second, deserialized copy in the map
        c.addMapConfig(new MapConfig(HOSTS).setBackupCount(1).setAsyncBackupCount(0)
                .setCacheDeserializedValues(com.hazelcast.config.CacheDeserializedValues.NEVER)
                .setSplitBrainProtectionName(MAJORITY).setMergePolicyConfig(merge));
        c.addMapConfig(new MapConfig(POOLS).setBackupCount(1).setSplitBrainProtectionName(MAJORITY));
        c.addRingBufferConfig(new RingbufferConfig(DECISIONS).setCapacity(config.decisionLogSize()).setBackupCount(1));
        return new HzGrid(Hazelcast.newHazelcastInstance(c));
    }

    public HazelcastInstance instance() {
        return hz;
    }

    /** Whether this member sees a majority of the expected members. */
    public boolean hasQuorum() {
        SplitBrainProtection p = hz.getSplitBrainProtectionService().getSplitBrainProtection(MAJORITY);
        return p.hasMinimumSize();
    }

    public int memberCount() {
        return hz.getCluster().getMembers().size();
    }

    @Override
    public void close() {
        hz.shutdown();
    }
}
