package dev.gcm.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gcm.demo.DemoFleet;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a large fleet file for {@code gcm baseline}, seeded, in one of two forms:
 * <ul>
 *   <li>{@code hosts}: host objects {@code {"id", "model": CpuModelInfo, "ibcRange", "qemuVersion"}} of
 *       {@link SimulatedFleet}'s realistic fleet in QEMU 7.2's view, one host in five saying it runs QEMU 10.0
 *       (a mixed-release fleet; the model as its definition's name and the features that differ, about 150 bytes a
 *       host);</li>
 *   <li>{@code records}: {@code gcm probe} output (gcm/v1 HostRecords with facilities and guests, about 1.6 KiB
 *       a host), 500 distinct records of the demo's fleet under fresh host ids.</li>
 * </ul>
 *
 * <p>Usage: {@code java -cp gcm-benchmarks.jar dev.gcm.bench.FleetFileWriter N FILE hosts|records [SEED]}
 */
public final class FleetFileWriter {

    private FleetFileWriter() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        try (OutputStream out = Files.newOutputStream(file);
             JsonGenerator g = CpuModelInfoJson.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartArray();
            switch (args[2]) {
                case "hosts" -> hosts(g, n, seed);
                case "records" -> records(g, n, seed);
                default -> throw new IllegalArgumentException("form must be hosts or records, got " + args[2]);
            }
            g.writeEndArray();
        }
        System.out.printf("%s: %,d hosts (%s), %,d bytes%n", file, n, args[2], Files.size(file));
    }

    private static void hosts(JsonGenerator g, int n, long seed) throws IOException {
        Catalog qemu72 = Catalog.load().forQemu(QemuVersion.parse("7.2.22"));
        Random random = new Random(seed);
        for (GcmHost h : SimulatedFleet.hosts(qemu72, n, SimulatedFleet.Variety.REALISTIC, seed)) {
            g.writeStartObject();
            g.writeStringField("id", h.id());
            g.writeFieldName("model");
            g.writeTree(CpuModelInfoJson.write(named(qemu72, h.model())));
            g.writeObjectFieldStart("ibcRange");
            g.writeStringField("lowest", "0x031");
            g.writeStringField("unblocked", h.model().ibc().toString());
            g.writeEndObject();
            g.writeStringField("qemuVersion", random.nextInt(5) == 0 ? "10.0.2" : "7.2.22");
            g.writeEndObject();
        }
    }

    /** The definition's named model and the features that differ from its defaults, as people write a host. */
    static CpuModelInfo named(Catalog catalog, CpuModel model) {
        CpuDefinition d = model.definition();
        Map<String, Boolean> props = new LinkedHashMap<>();
        catalog.names(model.features().andNot(d.defaults())).forEach(f -> props.put(f, true));
        catalog.names(d.defaults().andNot(model.features())).forEach(f -> props.put(f, false));
        return new CpuModelInfo(d.name(), props);
    }

    private static void records(JsonGenerator g, int n, long seed) throws Exception {
        List<HostRecord> prototypes = DemoFleet.records(Catalog.load(), 500, seed);
        for (int i = 0; i < n; i++) {
            HostRecord p = prototypes.get(i % prototypes.size());
            g.writeRawValue(HostRecordJson.write(p.withHostId(String.format("host-%07d", i))));
        }
    }
}
