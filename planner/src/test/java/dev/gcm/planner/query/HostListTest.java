package dev.gcm.planner.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gcm.facilitydb.testing.Seeded;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.IndexWriter;
import dev.gcm.planner.index.IndexedHost;
import dev.gcm.planner.model.HostAdmin;
import dev.gcm.planner.model.HostReport;
import dev.gcm.planner.model.PoolEntry;
import dev.gcm.planner.support.Fleet;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Paging the host list against brute force over the whole list: seeded random fleets (labels, cordons, leaving
 * hosts, stale hosts, two pools) and random filters; and with hosts added and removed between pages, no host
 * present throughout is skipped or repeated.
 */
class HostListTest {

    private static final long STALE_AFTER = 60_000;
    private static final List<HostRecord> TEMPLATES = List.of(Fleet.record("t1", "z14", 1),
            Fleet.record("t2", "gen15a", 1), Fleet.record("t3", "z13", 1));

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final AtomicLong revisions = new AtomicLong(100);

    /** A fleet under test: the index, its writer, and every host written so far. */
    private final class World {
        final FleetIndex index = new FleetIndex(Fleet.CATALOG, STALE_AFTER, clock::get);
        final IndexWriter w = index.writer();
        final Map<String, HostReport> reports = new HashMap<>();

        World() {
            w.pool(new PoolEntry("zone-a", "{\"name\": \"zone-a\", \"selector\": {\"zone\": \"a\"}, \"soft\": false}",
                    revisions.incrementAndGet()));
        }

        void add(Random r, String id) {
            Map<String, String> labels = LabelSelectorTest.randomLabels(r);
            if (r.nextInt(4) > 0) {
                labels.remove("gcm.dev/leaving");
            }
            HostRecord t = TEMPLATES.get(r.nextInt(TEMPLATES.size()));
            HostRecord rec = new HostRecord(t.apiVersion(), t.kind(), id, labels, t.machine(), t.hostModel(),
                    t.facilities(), t.hypervisor(), t.guests(), t.probeTime(), t.agentVersion(), "boot", 1);
            long received = clock.get() - (r.nextInt(4) == 0 ? 2 * STALE_AFTER : 0);
            long rev = revisions.incrementAndGet();
            HostReport report = HostReport.of(rec, received).stamped(rev, rev);
            w.report(report, null);
            reports.put(id, report);
            if (r.nextInt(5) == 0) {
                w.admin(id, new HostAdmin(true, 0, revisions.incrementAndGet()));
            }
        }

        void remove(String id) {
            w.reportRemoved(id, reports.remove(id));
        }

        /** Every host that matches, by brute force over the whole list. */
        List<String> expected(HostQuery q) {
            return index.hosts().stream().filter(h -> matches(q, h)).map(IndexedHost::id).toList();
        }

        private boolean matches(HostQuery q, IndexedHost h) {
            boolean inPool = q.pool().map(p -> index.poolsOf(h.id()).contains(p)).orElse(true);
            HostState.Facts facts = new HostState.Facts(index.stale(h.id()), h.cordoned(), h.leaving());
            boolean state = q.states().isEmpty() || q.states().stream().anyMatch(s -> s.holds(facts));
            return inPool && state && q.selector().matches(h.resolved().record().labels());
        }
    }

    private static String randomId(Random r) {
        String alphabet = "ab-1z0.";
        StringBuilder b = new StringBuilder("h");
        for (int i = 0; i <= r.nextInt(4); i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.append(r.nextBoolean() ? "0" : "b").toString(); // ids end with a letter or digit
    }

    private static HostQuery randomQuery(Random r, int limit, Optional<String> token) {
        Optional<String> pool = switch (r.nextInt(3)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of("default");
            default -> Optional.of("zone-a");
        };
        Set<HostState> states = EnumSet.noneOf(HostState.class);
        for (HostState s : HostState.values()) {
            if (r.nextInt(4) == 0) {
                states.add(s);
            }
        }
        String selector = r.nextBoolean() ? "" : LabelSelectorTest.randomSelector(r, new ArrayList<>());
        return new HostQuery(pool, states, LabelSelector.parse(selector), limit, token);
    }

    private static HostQuery next(HostQuery q, String token) {
        return new HostQuery(q.pool(), q.states(), q.selector(), q.limit(), Optional.of(token));
    }

    @Test
    void pagesTogetherAreTheWholeFilteredList() {
        Seeded.forAll(60, r -> {
            World world = new World();
            for (int i = r.nextInt(50); i > 0; i--) {
                world.add(r, randomId(r));
            }
            HostQuery q = randomQuery(r, r.nextInt(8), Optional.empty());
            List<String> expected = world.expected(q);
            List<String> paged = new ArrayList<>();
            HostList list = new HostList(world.index);
            HostList.Page page = list.page(q).orElseThrow();
            while (true) {
                assertThat(page.total()).as("total, query " + q).isEqualTo(expected.size());
                page.hosts().forEach(h -> paged.add(h.id()));
                if (q.limit() > 0) {
                    assertThat(page.hosts().size()).isLessThanOrEqualTo(q.limit());
                }
                if (page.continueToken().isEmpty()) {
                    break;
                }
                assertThat(page.hosts()).hasSize(q.limit());
                page = list.page(next(q, page.continueToken().get())).orElseThrow();
            }
            assertThat(paged).as("query " + q).isEqualTo(expected);
        });
    }

    @Test
    void hostsComingAndGoingBetweenPagesNeverSkipOrRepeatAHostPresentThroughout() {
        Seeded.forAll(60, r -> {
            World world = new World();
            Set<String> churn = new HashSet<>();
            for (int i = 5 + r.nextInt(40); i > 0; i--) {
                String id = randomId(r);
                world.add(r, id);
                if (r.nextInt(3) == 0) {
                    churn.add(id);
                }
            }
            HostQuery q = randomQuery(r, 1 + r.nextInt(5), Optional.empty());
            Set<String> throughout = new HashSet<>(world.expected(q));
            throughout.removeAll(churn);
            HostList list = new HostList(world.index);
            List<String> seen = new ArrayList<>();
            HostList.Page page = list.page(q).orElseThrow();
            while (true) {
                page.hosts().forEach(h -> seen.add(h.id()));
                if (page.continueToken().isEmpty()) {
                    break;
                }
                for (int k = r.nextInt(4); k > 0; k--) { // the fleet changes between pages
                    String id = r.nextBoolean() || churn.isEmpty() ? randomId(r) : churn.iterator().next();
                    if (world.reports.containsKey(id) && churn.contains(id)) {
                        world.remove(id);
                    } else if (!world.reports.containsKey(id)) {
                        world.add(r, id);
                        churn.add(id);
                    }
                }
                page = list.page(next(q, page.continueToken().get())).orElseThrow();
            }
            assertThat(seen).as("ids grow: no host twice").isSorted().doesNotHaveDuplicates();
            assertThat(seen).as("query " + q).containsAll(throughout);
        });
    }

    @Test
    void aTokenOnlyServesTheFiltersItCameWith() {
        World world = new World();
        Random r = new Random(7);
        for (int i = 0; i < 10; i++) {
            world.add(r, "h" + i);
        }
        HostQuery all = new HostQuery(Optional.empty(), Set.of(), LabelSelector.EVERYTHING, 3, Optional.empty());
        String token = new HostList(world.index).page(all).orElseThrow().continueToken().orElseThrow();
        assertThatThrownBy(() -> new HostQuery(Optional.of("zone-a"), Set.of(), LabelSelector.EVERYTHING, 3,
                Optional.of(token))).hasMessageContaining("other filters");
        assertThatThrownBy(() -> new HostQuery(Optional.empty(), Set.of(), LabelSelector.EVERYTHING, 3,
                Optional.of("not-a-token"))).hasMessageContaining("not a token");
        assertThat(new HostList(world.index).page(new HostQuery(Optional.of("nope"), Set.of(),
                LabelSelector.EVERYTHING, 0, Optional.empty()))).isEmpty();
        Predicate<HostList.Page> last = p -> p.continueToken().isEmpty();
        assertThat(new HostList(world.index).page(HostQuery.everything()).orElseThrow()).matches(last);
    }
}
