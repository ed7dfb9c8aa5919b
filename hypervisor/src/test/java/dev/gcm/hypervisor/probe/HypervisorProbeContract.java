package dev.gcm.hypervisor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.hypervisor.record.HostCapabilities;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.hypervisor.record.HostRecordValidator;
import dev.gcm.hypervisor.record.ResolvedHost;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every probe must do; each probe's test extends this and says how to make one. */
public abstract class HypervisorProbeContract {

    protected static final Catalog CATALOG = Catalog.load();

    protected abstract HypervisorProbe probe();

    /** The catalog view the probe's records are read with (the probed QEMU's, where there is one). */
    protected Catalog catalog() {
        return CATALOG;
    }

    protected HostRecord record(HostCapabilities caps) {
        return caps.toRecord("host-a", Map.of("zone", "a"), "test", "boot-1", 1, Instant.parse("2026-11-22T03:00:00Z"));
    }

    @Test
    void givesAValidRecordWithAResolvableHostModel() throws Exception {
        HypervisorProbe probe = probe();
        HostRecord record = record(probe.probe());
        ResolvedHost resolved = new HostRecordValidator(catalog()).validate(record);
        assertThat(resolved.hostModel()).isNotNull();
        assertThat(record.hypervisor().kind()).isEqualTo(probe.kind());
        assertThat(record.machine().machineType()).matches("[0-9a-f]{4}");
        String json = HostRecordJson.write(record);
        assertThat(HostRecordJson.read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(record);
        assertThat(schema().validate(HostRecordJson.mapper().readTree(json))).isEmpty();
    }

    @Test
    void probingTheSameHostTwiceGivesTheSameAnswer() throws Exception {
        HypervisorProbe probe = probe();
        HostCapabilities first = probe.probe();
        HostCapabilities second = probe.probe();
        assertThat(second).isEqualTo(first);
        var validator = new HostRecordValidator(catalog());
        var a = validator.validate(record(first)).hostModel();
        assertThat(Comparison.compare(catalog(), a, validator.validate(record(second)).hostModel()).result().qemuName())
                .isEqualTo("identical");
    }

    static JsonSchema schema() throws Exception {
        try (InputStream in = HostRecord.class.getResourceAsStream("/dev/gcm/hypervisor/host-record.schema.json")) {
            JsonNode node = HostRecordJson.mapper().readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
        }
    }
}
