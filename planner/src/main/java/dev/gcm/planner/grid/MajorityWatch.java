package dev.gcm.planner.grid;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Whether this member has heard from a majority of the cluster within the last
 * {@value #TOLERANCE_MILLIS} ms: every member publishes a beat every {@value #BEAT_MILLIS} ms on a topic and
 * notes when it last heard each other member's. A member cut off from the others hears nothing, so it
 * knows within about the tolerance, where Hazelcast's own recently-active protection, updated on its
 * one-second heartbeat ticks, took 4 to 5 s (PartitionIT). Both must hold for this member to approve.
 */
final class MajorityWatch implements AutoCloseable {

    static final String TOPIC = "gcm-beats";
    static final long BEAT_MILLIS = 250;
    static final long TOLERANCE_MILLIS = 2000;

    private final HazelcastInstance hz;
    private final int majority;
    private final LongSupplier clock;
    private final Map<UUID, Long> lastHeard = new ConcurrentHashMap<>();
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gcm-majority-beats");
        t.setDaemon(true);
        return t;
    });
    private final UUID topicListener;
    private final UUID membershipListener;
    private final ITopic<Long> topic;
    private final UUID self;

    MajorityWatch(HazelcastInstance hz, int majority) {
        this.hz = hz;
        this.majority = majority;
        this.clock = () -> System.nanoTime() / 1_000_000;
        this.topic = hz.getTopic(TOPIC);
        this.self = hz.getCluster().getLocalMember().getUuid();
        long now = clock.getAsLong();
        // members present at the start count as heard until their first beat is due
        hz.getCluster().getMembers().forEach(m -> lastHeard.put(m.getUuid(), now));
        this.membershipListener = hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
                lastHeard.put(e.getMember().getUuid(), clock.getAsLong());
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                lastHeard.remove(e.getMember().getUuid());
            }
        });
        this.topicListener = topic.addMessageListener(m -> {
            Member from = m.getPublishingMember();
            if (from != null && !from.getUuid().equals(self)) {
                lastHeard.put(from.getUuid(), clock.getAsLong());
            }
        });
        beats.scheduleAtFixedRate(this::beat, 0, BEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            topic.publish(clock.getAsLong());
        } catch (RuntimeException e) {
            // shutting down, or no one to tell: the others notice the silence
        }
    }

    /** This member and the members it heard from within the tolerance make a majority. */
    boolean heardFromMajority() {
        long now = clock.getAsLong();
        int heard = 1;
        for (Member m : hz.getCluster().getMembers()) {
            Long at = lastHeard.get(m.getUuid());
            if (!m.getUuid().equals(self) && at != null && now - at <= TOLERANCE_MILLIS) {
                heard++;
            }
        }
        return heard >= majority;
    }

    @Override
    public void close() {
        beats.shutdownNow();
        try {
            topic.removeMessageListener(topicListener);
            hz.getCluster().removeMembershipListener(membershipListener);
        } catch (RuntimeException e) {
            // the member is going away anyway
        }
    }
}
