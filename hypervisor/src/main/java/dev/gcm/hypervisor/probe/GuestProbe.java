package dev.gcm.hypervisor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.hypervisor.qmp.QmpClient;
import dev.gcm.hypervisor.qmp.QmpException;
import dev.gcm.hypervisor.record.HostRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the CPU model of every running guest from its QMP monitor socket: the sockets directly in a
 * directory, or {@code monitor.sock} in its subdirectories (as libvirt keeps them). A QMP socket
 * serves one client at a time, so the sockets read here must be ones nobody else holds: libvirt keeps
 * its own monitor open, so give each guest a second one for the agent (for example
 * {@code <qemu:commandline>} with {@code -qmp unix:/run/gcm/guests/NAME.sock,server=on,wait=off}).
 * A monitor held by someone else costs the probe's timeout and is skipped. For each guest: its
 * name, the QOM type of its first CPU (the model), the CPU's feature properties, and the static
 * expansion of exactly that, asked of the guest's own QEMU. A guest whose monitor does not answer is
 * left out (it may be starting or stopping).
 */
public final class GuestProbe {

    private static final String CPU_TYPE_SUFFIX = "-s390x-cpu";

    private final Path socketDirectory;
    private final Duration timeout;
    private final Catalog catalog;

    public GuestProbe(Path socketDirectory, Duration timeout, Catalog catalog) {
        this.socketDirectory = socketDirectory;
        this.timeout = timeout;
        this.catalog = catalog;
    }

    /** The guests, sorted by name. */
    public List<HostRecord.Guest> probe() throws ProbeException {
        if (!Files.isDirectory(socketDirectory)) {
            throw ProbeException.failed("guest socket directory " + socketDirectory + " does not exist");
        }
        List<HostRecord.Guest> guests = new ArrayList<>();
        for (Path socket : sockets()) {
            try (QmpClient qmp = QmpClient.connect(socket, timeout)) {
                guests.add(read(qmp, socket));
            } catch (IOException | QmpException e) {
                // not answering: starting, stopping or not a QEMU; the next probe will see it
            }
        }
        guests.sort(Comparator.comparing(HostRecord.Guest::name));
        return guests;
    }

    private List<Path> sockets() throws ProbeException {
        try (Stream<Path> entries = Files.list(socketDirectory)) {
            List<Path> out = new ArrayList<>();
            for (Path p : (Iterable<Path>) entries.sorted()::iterator) {
                if (isSocket(p)) {
                    out.add(p);
                } else if (Files.isDirectory(p) && isSocket(p.resolve("monitor.sock"))) {
                    out.add(p.resolve("monitor.sock"));
                }
            }
            return out;
        } catch (IOException e) {
            throw new ProbeException("cannot list " + socketDirectory + ": " + e.getMessage(), e);
        }
    }

    private static boolean isSocket(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        } catch (IOException e) {
            return false;
        }
    }

    private HostRecord.Guest read(QmpClient qmp, Path socket) {
        String name = qmp.execute("query-name", null).path("name").asText("");
        if (name.isEmpty()) {
            Path file = socket.getFileName().toString().equals("monitor.sock") ? socket.getParent() : socket;
            name = file.getFileName().toString().replaceFirst("\\.(sock|monitor)$", "");
        }
        JsonNode cpus = qmp.execute("query-cpus-fast", null);
        String path = cpus.get(0).get("qom-path").asText();
        String type = qomGet(qmp, path, "type").asText();
        String model = type.endsWith(CPU_TYPE_SUFFIX) ? type.substring(0, type.length() - CPU_TYPE_SUFFIX.length())
                : type;
        Map<String, Boolean> actual = new LinkedHashMap<>();
        for (JsonNode prop : qmp.execute("qom-list", JsonNodeFactory.instance.objectNode().put("path", path))) {
            String p = prop.path("name").asText();
            if ("bool".equals(prop.path("type").asText()) && catalog.feature(p).isPresent()) {
                actual.put(p, qomGet(qmp, path, p).asBoolean());
            }
        }
        // Switch exactly what differs from the model's own features, then let QEMU name it statically.
        Map<String, Boolean> plain = featureSwitches(QemuProbe.expand(qmp, CpuModelInfo.named(model), "full"));
        Map<String, Boolean> switches = new LinkedHashMap<>();
        actual.forEach((feature, on) -> {
            Boolean inModel = plain.get(feature);
            if (inModel == null || inModel != on) {
                switches.put(feature, on);
            }
        });
        return new HostRecord.Guest(name, QemuProbe.expand(qmp, new CpuModelInfo(model, switches), "static"));
    }

    /** Every feature's switch, with QEMU's group names spelled out into their members. */
    private Map<String, Boolean> featureSwitches(CpuModelInfo expansion) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        expansion.props().forEach((name, on) -> catalog.group(name).ifPresentOrElse(
                g -> catalog.names(g.features()).forEach(f -> out.put(f, on)),
                () -> out.put(name, on)));
        return out;
    }

    private static JsonNode qomGet(QmpClient qmp, String path, String property) {
        return qmp.execute("qom-get", JsonNodeFactory.instance.objectNode().put("path", path).put("property", property));
    }
}
