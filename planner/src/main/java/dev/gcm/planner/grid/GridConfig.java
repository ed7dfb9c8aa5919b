package dev.gcm.planner.grid;

import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.CacheDeserializedValues;
import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.RingbufferConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import dev.gcm.planner.PlannerConfig;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * The Hazelcast configuration of a planner member (see planner/DESIGN.md for why each setting):
 * members only (advanced network with a member endpoint bound to GCM_HZ_HOST, no client endpoint),
 * no multicast, auto-detection or phone-home; heartbeats every second and a majority that must have
 * been heard from within {@value #HEARTBEAT_TOLERANCE_MILLIS} ms; short operation and backup timeouts;
 * soft host reports with one backup, hard state with a backup on every member; no Java serialization.
 */
final class GridConfig {

    static final int HEARTBEAT_TOLERANCE_MILLIS = 2000;
    /** Hazelcast keeps at most this many backups of a partition. */
    static final int MAX_BACKUPS = 6;

    private GridConfig() {
    }

    static Config build(PlannerConfig config, InetAddress host, MemberVerifier verifier, Map<String, String> attributes) {
        Config c = new Config();
        c.setClusterName(config.clusterName());
        properties().forEach(c::setProperty);
        network(c.getAdvancedNetworkConfig(), config, host);
        attributes.forEach(c.getMemberAttributeConfig()::setAttribute);
        c.addListenerConfig(new ListenerConfig(verifier));
        GridSerialization.configure(c.getSerializationConfig());

        int majority = config.expectedMembers() / 2 + 1;
        c.addSplitBrainProtectionConfig(SplitBrainProtectionConfig.newRecentlyActiveSplitBrainProtectionConfigBuilder(
                HzGrid.MAJORITY, majority, HEARTBEAT_TOLERANCE_MILLIS).enabled(true).build());
        int everywhere = Math.max(0, Math.min(MAX_BACKUPS, config.expectedMembers() - 1));
        MergePolicyConfig soft = new MergePolicyConfig(RevisionMergePolicy.Soft.class.getName(), 100);
        MergePolicyConfig hard = new MergePolicyConfig(RevisionMergePolicy.Hard.class.getName(), 100);
        // the index keeps its own compact copy of every host: no second, deserialized copy in the map
        c.addMapConfig(new MapConfig(HzGrid.HOSTS).setBackupCount(1).setAsyncBackupCount(0)
                .setCacheDeserializedValues(CacheDeserializedValues.NEVER)
                .setSplitBrainProtectionName(HzGrid.MAJORITY).setMergePolicyConfig(soft));
        for (String name : List.of(HzGrid.ADMIN, HzGrid.POOLS)) {
            c.addMapConfig(new MapConfig(name).setBackupCount(everywhere).setAsyncBackupCount(0)
                    .setReadBackupData(true).setSplitBrainProtectionName(HzGrid.MAJORITY).setMergePolicyConfig(hard));
        }
        // the ring keeps a copy per member a majority can lose (beyond that the cluster approves nothing new),
        // and every decision is in its member's audit file too: each copy more is every decision shipped and
        // stored once more
        c.addRingBufferConfig(new RingbufferConfig(HzGrid.DECISIONS).setCapacity(config.decisionLogSize())
                .setBackupCount(ringBackups(config.expectedMembers())));
        // GET /decisions asks every member for its newest entries: a small pool, a short queue, a majority
        c.addExecutorConfig(new ExecutorConfig(HzGrid.DECISION_TAILS).setPoolSize(2).setQueueCapacity(32)
                .setStatisticsEnabled(false).setSplitBrainProtectionName(HzGrid.MAJORITY));
        return c;
    }

    /** The decision ring's backups: one when there is another member, as many as members a majority can lose, at most 2. */
    static int ringBackups(int expectedMembers) {
        return expectedMembers < 2 ? 0 : Math.max(1, Math.min(2, (expectedMembers - 1) / 2));
    }

    private static Map<String, String> properties() {
        return Map.ofEntries(
                Map.entry("hazelcast.phone.home.enabled", "false"),
                Map.entry("hazelcast.logging.type", "slf4j"),
                Map.entry("hazelcast.shutdownhook.enabled", "false"),
                Map.entry("hazelcast.health.monitoring.level", "OFF"),
                // bind the member port to GCM_HZ_HOST only
                Map.entry("hazelcast.socket.bind.any", "false"),
                Map.entry("hazelcast.socket.server.bind.any", "false"),
                // notice a silent member within seconds (the majority check), drop it from the list after 10 s
                Map.entry("hazelcast.heartbeat.interval.seconds", "1"),
                Map.entry("hazelcast.max.no.heartbeat.seconds", "10"),
                // a paused member fails calls in seconds, not a minute; a missing backup ack does not stall a write
                Map.entry("hazelcast.operation.call.timeout.millis", "3000"),
                Map.entry("hazelcast.operation.backup.timeout.millis", "1500"),
                Map.entry("hazelcast.socket.connect.timeout.seconds", "2"),
                // after a split, look for the other side every 10 s so a healed cut merges soon
                Map.entry("hazelcast.merge.first.run.delay.seconds", "10"),
                Map.entry("hazelcast.merge.next.run.delay.seconds", "10"));
    }

    private static void network(AdvancedNetworkConfig n, PlannerConfig config, InetAddress host) {
        n.setEnabled(true);
        ServerSocketEndpointConfig member = new ServerSocketEndpointConfig();
        member.setPort(config.hzPort()).setPortAutoIncrement(false);
        member.getInterfaces().setEnabled(true).addInterface(host.getHostAddress());
        n.setMemberEndpointConfig(member);
        JoinConfig join = n.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        if (config.k8sServiceDns().isPresent()) {
            join.getKubernetesConfig().setEnabled(true).setProperty("service-dns", config.k8sServiceDns().get())
                    .setProperty("service-port", String.valueOf(config.hzPort()));
        } else {
            join.getTcpIpConfig().setEnabled(true).setMembers(config.members().isEmpty()
                    ? List.of(host.getHostAddress() + ":" + config.hzPort()) : config.members());
        }
    }
}
