package dev.gcm.planner.grid;

import com.hazelcast.cluster.InitialMembershipEvent;
import com.hazelcast.cluster.InitialMembershipListener;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every member's proof of the cluster secret as it joins; keeps the members that fail until they
 * leave. While there is one, this member stores and approves nothing and is not ready (see
 * {@link dev.gcm.planner.model.GridHealth#trusted()}). Without a secret of its own a member verifies
 * nothing (a lone member, or a demo).
 */
final class MemberVerifier implements InitialMembershipListener {

    private static final Logger LOG = LoggerFactory.getLogger(MemberVerifier.class);

    private final Optional<MemberProof> proof;
    private final Set<UUID> unverified = ConcurrentHashMap.newKeySet();
    /** The set's size, as every check reads it: a volatile read, not a count over the set's cells. */
    private volatile int unverifiedCount;

    MemberVerifier(Optional<MemberProof> proof) {
        this.proof = proof;
    }

    /** The members there are when this one joins; later ones arrive as events. */
    @Override
    public void init(InitialMembershipEvent e) {
        e.getMembers().forEach(this::check);
    }

    int unverifiedCount() {
        return unverifiedCount;
    }

    @Override
    public void memberAdded(MembershipEvent e) {
        check(e.getMember());
    }

    @Override
    public void memberRemoved(MembershipEvent e) {
        if (removeUnverified(e.getMember().getUuid())) {
            LOG.warn("the unverified member {} left; {} unverified member(s) remain", e.getMember().getAddress(),
                    unverified.size());
        }
    }

    private void check(Member m) {
        if (proof.isEmpty()) {
            return;
        }
        boolean ok;
        try {
            ok = proof.get().verifies(m.getAddress().getInetAddress(), m.getAddress().getPort(),
                    m.getAttribute(MemberProof.NONCE), m.getAttribute(MemberProof.PROOF));
        } catch (UnknownHostException e) {
            ok = false;
        }
        if (!ok && addUnverified(m.getUuid())) {
            LOG.error("member {} ({}) cannot prove the cluster secret (GCM_CLUSTER_SECRET_FILE): this member stores"
                    + " and approves nothing and is not ready until it leaves", m.getAddress(), m.getUuid());
        }
    }

    private synchronized boolean addUnverified(UUID member) {
        boolean added = unverified.add(member);
        unverifiedCount = unverified.size();
        return added;
    }

    private synchronized boolean removeUnverified(UUID member) {
        boolean removed = unverified.remove(member);
        unverifiedCount = unverified.size();
        return removed;
    }
}
