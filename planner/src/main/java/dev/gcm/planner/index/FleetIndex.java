package dev.gcm.planner.index;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FacilityList;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.hypervisor.record.HostRecordValidator;
import dev.gcm.hypervisor.record.ResolvedHost;
import dev.gcm.planner.model.HostReport;
import dev.gcm.planner.model.Pool;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * This member's view of every host and every pool. Readers take the current {@link IndexSnapshot}
 * (immutable) and never lock. One writer at a time (the {@link IndexFeed}'s thread, or a benchmark)
 * applies the grid's changes, each ordered by its entry's revision, through {@link IndexWriter}, which
 * publishes a new snapshot whenever what the index shows changes. Freshness (when each host last
 * reported) is kept apart, so heartbeats change no snapshot.
 */
public final class FleetIndex {

    private final Catalog catalog;
    private final HostRecordValidator validator;
    private final long staleAfterMillis;
    private final LongSupplier clock;
    private final Compactor compactor = new Compactor();
    private final IndexWriter writer;
    private volatile IndexSnapshot snapshot;
    private volatile LongConsumer updateObserver = nanos -> { };

    public FleetIndex(Catalog catalog, long staleAfterMillis, LongSupplier clock) {
        this.catalog = catalog;
        this.validator = new HostRecordValidator(catalog);
        this.staleAfterMillis = staleAfterMillis;
        this.clock = clock;
        this.snapshot = IndexWriter.emptySnapshot(catalog);
        this.writer = new IndexWriter(this, catalog);
    }

    public Catalog catalog() {
        return catalog;
    }

    public long staleAfterMillis() {
        return staleAfterMillis;
    }

    public long now() {
        return clock.getAsLong();
    }

    /** The validator this index reads records with. */
    public HostRecordValidator validator() {
        return validator;
    }

    /** What the index shows now. */
    public IndexSnapshot snapshot() {
        return snapshot;
    }

    void publish(IndexSnapshot next) {
        snapshot = next;
    }

    /** The writer: call it from one thread at a time only. */
    public IndexWriter writer() {
        return writer;
    }

    // --- freshness

    /** When a host last reported, if the index knows it. */
    public Optional<Liveness> liveness(String id) {
        return Optional.ofNullable(writer.liveness(id));
    }

    /** Whether a host has not reported within GCM_STALE_AFTER (a host never heard from is stale). */
    public boolean stale(String id) {
        return stale(writer.liveness(id));
    }

    /** Whether a host known by its {@link IndexedHost#heard()} has not reported within GCM_STALE_AFTER. */
    public boolean stale(LastHeard heard) {
        return stale(heard.orNull());
    }

    /** Whether a host that last reported at {@code l} (null: never) has not reported within GCM_STALE_AFTER. */
    public boolean stale(Liveness l) {
        return l == null || l.stale(now(), staleAfterMillis);
    }

    // --- reading records (thread-safe: any thread may read ahead of the writer)

    /** Reads, validates and compacts a report's record (the costly part of an update). */
    public HostContent read(HostReport report) {
        HostRecord record = HostRecordJson.read(report.recordJson().getBytes(StandardCharsets.UTF_8));
        return content(validator.validate(record), report.contentRevision());
    }

    /** What the index keeps of a validated record. */
    public HostContent content(ResolvedHost resolved, long contentRevision) {
        FeatureSet soft = compactor.intern(softFeatures(resolved));
        boolean leaving = "true".equals(resolved.record().labels().get(IndexedHost.LEAVING_LABEL));
        return new HostContent(compactor.compact(resolved), soft, leaving, contentRevision);
    }

    private FeatureSet softFeatures(ResolvedHost r) {
        HostRecord.Facilities f = r.record().facilities();
        if (f == null || f.soft() == null || f.soft().isEmpty()) {
            return FeatureSet.empty();
        }
        int[] bits = f.soft().stream().mapToInt(Integer::intValue).toArray();
        return catalog.stflFeatures(FacilityList.of(bits)).and(r.hostModel().features());
    }

    /** Told how long each index update took, in nanoseconds (for the metrics). */
    public void observeUpdates(LongConsumer observer) {
        this.updateObserver = observer;
    }

    void observed(long nanos) {
        updateObserver.accept(nanos);
    }

    // --- reads of the current snapshot, for callers that need one answer

    public long version() {
        return snapshot.version();
    }

    public Optional<IndexedHost> host(String id) {
        return snapshot.host(id);
    }

    public List<IndexedHost> hosts() {
        return snapshot.hosts();
    }

    public List<IndexedHost> hostsOf(String poolName) {
        return snapshot.hostsOf(poolName);
    }

    public List<String> poolsOf(String hostId) {
        return snapshot.poolsOf(hostId);
    }

    public List<Pool> pools() {
        return snapshot.pools();
    }

    public Optional<Pool> pool(String name) {
        return snapshot.pool(name);
    }

    public Optional<CpuModel> gcmModel(String poolName) {
        return snapshot.gcmModel(poolName);
    }

    /** Every pool's GCM headline with the version it belongs to. */
    public Versioned<List<PoolHeadline>> headlines() {
        IndexSnapshot s = snapshot;
        return new Versioned<>(s.version(), s.headlines());
    }

    /** The GCM of a pool with its explanation and its stale hosts. */
    public Optional<PoolGcm> gcm(String poolName) {
        IndexSnapshot s = snapshot;
        return s.explain(poolName).map(g -> g.at(g.version(), s.hostsOf(poolName).stream().map(IndexedHost::id)
                .filter(this::stale).toList()));
    }

    /** A value and the index version it was read at. */
    public record Versioned<T>(long version, T value) {
    }
}
