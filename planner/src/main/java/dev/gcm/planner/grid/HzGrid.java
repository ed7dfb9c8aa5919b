package dev.gcm.planner.grid;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.partition.Partition;
import com.hazelcast.partition.PartitionService;
import com.hazelcast.splitbrainprotection.SplitBrainProtection;
import dev.gcm.planner.PlannerConfig;
import dev.gcm.planner.model.GridHealth;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded Hazelcast member (configured by {@link GridConfig}) and what the planner asks of it: is
 * there a majority, are all members verified, does this member hold every partition's data.
 */
public final class HzGrid implements AutoCloseable, GridHealth {

    /** Host reports: soft state. */
    public static final String HOSTS = "gcm-hosts";
    /** Cordons and decommission tombstones: hard state. */
    public static final String ADMIN = "gcm-host-admin";
    /** Pools: hard state. */
    public static final String POOLS = "gcm-pools";
    public static final String DECISIONS = "gcm-decisions";
    /** The executor that asks every member for its newest decisions. */
    static final String DECISION_TAILS = "gcm-decision-tails";
    static final String MAJORITY = "gcm-majority";

    private final HazelcastInstance hz;
    private final MemberVerifier verifier;
    private final MajorityWatch majority;
    /** Hazelcast's protection, made when the member started and kept for its life (every check asks it). */
    private final SplitBrainProtection protection;

    private HzGrid(HazelcastInstance hz, MemberVerifier verifier, int majority) {
        this.hz = hz;
        this.verifier = verifier;
        this.majority = new MajorityWatch(hz, majority);
        this.protection = hz.getSplitBrainProtectionService().getSplitBrainProtection(MAJORITY);
    }

    /** @param secret the cluster secret members prove; empty: members are not verified */
    public static HzGrid start(PlannerConfig config, Optional<byte[]> secret) {
        InetAddress host = MemberProof.resolve(config.hzHost());
        Optional<MemberProof> proof = secret.map(s -> new MemberProof(s, config.clusterName()));
        MemberVerifier verifier = new MemberVerifier(proof);
        String nonce = MemberProof.nonce();
        Map<String, String> attributes = proof.map(p -> Map.of(MemberProof.NONCE, nonce,
                MemberProof.PROOF, p.prove(host, config.hzPort(), nonce))).orElse(Map.of());
        return new HzGrid(Hazelcast.newHazelcastInstance(GridConfig.build(config, host, verifier, attributes)), verifier,
                config.expectedMembers() / 2 + 1);
    }

    HazelcastInstance instance() {
        return hz;
    }

    @Override
    public boolean hasQuorum() {
        // Hazelcast's protection (which guards every grid operation) and this member's own, faster watch
        return protection.hasMinimumSize() && majority.heardFromMajority();
    }

    @Override
    public int unverifiedMembers() {
        return verifier.unverifiedCount();
    }

    public int memberCount() {
        return hz.getCluster().getMembers().size();
    }

    /** This member's address in the grid, for the logs. */
    public String localAddress() {
        return hz.getCluster().getLocalMember().getAddress().toString();
    }

    /**
     * Whether every partition has an owner and this member's replicas are in sync (no migration or
     * backup sync pending): the member holds what it should.
     */
    public boolean holdsItsData() {
        PartitionService ps = hz.getPartitionService();
        for (Partition p : ps.getPartitions()) {
            if (p.getOwner() == null) {
                return false;
            }
        }
        return ps.isLocalMemberSafe();
    }

    /** The partition a key lives in. */
    public int partitionOf(String key) {
        return hz.getPartitionService().getPartition(key).getPartitionId();
    }

    /** Calls back when this member merged into another side after a split brain (its data was replaced). */
    public void onMerged(Runnable action) {
        hz.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.MERGED) {
                action.run();
            }
        });
    }

    @Override
    public void close() {
        majority.close();
        hz.shutdown();
    }
}
