package dev.gcm.test.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.hypervisor.qemu.QemuProcess;
import dev.gcm.hypervisor.qmp.QmpException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real qemu-system-s390x under TCG, asked over QMP: the reference for every model semantic. Two releases
 * are oracles side by side: {@value #QEMU_7_2} (Debian bookworm's, on the PATH, or {@code GCM_QEMU_BINARY}) and
 * {@value #QEMU_10_0} (bookworm-backports', unpacked under {@code GCM_QEMU10_HOME}, default
 * {@code /opt/gcm-qemu10}, run with its own data directory).
 */
public final class QemuOracle implements AutoCloseable {

    public static final String QEMU_7_2 = "7.2";
    public static final String QEMU_10_0 = "10.0";
    public static final List<String> RELEASES = List.of(QEMU_7_2, QEMU_10_0);
    public static final List<String> ARGS = List.of("-machine", "s390-ccw-virtio", "-accel", "tcg", "-cpu", "qemu");

    private final QemuProcess qemu;
    private final QemuVersion version;

    private QemuOracle(QemuProcess qemu) {
        this.qemu = qemu;
        this.version = Ours.versionOf(version(qemu));
    }

    /** The binary and leading arguments of a release's QEMU. */
    public static List<String> command(String release) {
        if (QEMU_10_0.equals(release)) {
            Path home = Path.of(Optional.ofNullable(System.getenv("GCM_QEMU10_HOME")).orElse("/opt/gcm-qemu10"));
            return List.of(home.resolve("usr/bin/qemu-system-s390x").toString(), "-L",
                    home.resolve("usr/share/qemu").toString());
        }
        return List.of(Optional.ofNullable(System.getenv("GCM_QEMU_BINARY")).orElse("/usr/bin/qemu-system-s390x"));
    }

    /** Starts a release's QEMU; fails (CI) or skips the test when it is missing or is another release. */
    public static QemuOracle start(String release) {
        List<String> command = command(release);
        if (!Files.isExecutable(Path.of(command.get(0)))) {
            throw Oracles.missing("QEMU " + release + " at " + command.get(0));
        }
        QemuOracle oracle;
        try {
            oracle = new QemuOracle(QemuProcess.start(command.get(0), args(command), Duration.ofSeconds(30)));
        } catch (IOException e) {
            throw Oracles.missing("QEMU " + release + " does not start: " + e.getMessage());
        }
        if (!oracle.version.release().equals(QemuVersion.parse(release))) {
            oracle.close();
            throw Oracles.missing("QEMU " + release + ", but " + command.get(0) + " is QEMU " + oracle.version);
        }
        return oracle;
    }

    private static List<String> args(List<String> command) {
        List<String> args = new ArrayList<>(command.subList(1, command.size()));
        args.addAll(ARGS);
        return args;
    }

    private static JsonNode version(QemuProcess qemu) {
        return qemu.qmp().execute("query-version", null);
    }

    /** The release this QEMU reports, e.g. 10.0.2. */
    public QemuVersion qemuVersion() {
        return version;
    }

    public JsonNode definitions() {
        return qemu.qmp().execute("query-cpu-definitions", null);
    }

    public JsonNode machines() {
        return qemu.qmp().execute("query-machines", null);
    }

    /** The properties of a CPU type (features and groups among them), as qom-list-properties lists them. */
    public JsonNode cpuProperties(String typename) {
        return qemu.qmp().execute("qom-list-properties", JsonNodeFactory.instance.objectNode().put("typename", typename));
    }

    /** The expanded model, or empty when QEMU refuses the model. */
    public Optional<CpuModelInfo> expand(CpuModelInfo model, String type) {
        return expansion(model, type).map(r -> CpuModelInfoJson.read(r.get("model"), "model"));
    }

    /** The whole expansion answer ({@code model}, and {@code deprecated-props} from QEMU 9.1), or empty on error. */
    public Optional<JsonNode> expansion(CpuModelInfo model, String type) {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("type", type);
        args.set("model", CpuModelInfoJson.write(model));
        return call("query-cpu-model-expansion", args);
    }

    /** The baseline of two models, or empty when QEMU finds none (or refuses an input). */
    public Optional<CpuModelInfo> baseline(CpuModelInfo a, CpuModelInfo b) {
        return call("query-cpu-model-baseline", pair(a, b)).map(r -> CpuModelInfoJson.read(r.get("model"), "model"));
    }

    /** libvirt's way to n hosts: baseline the first two, then the result with each next host. */
    public Optional<CpuModelInfo> fold(List<CpuModelInfo> fleet) {
        if (fleet.size() == 1) {
            return expand(fleet.get(0), "static");
        }
        Optional<CpuModelInfo> acc = baseline(fleet.get(0), fleet.get(1));
        for (int i = 2; i < fleet.size() && acc.isPresent(); i++) {
            acc = baseline(acc.get(), fleet.get(i));
        }
        return acc;
    }

    /** The comparison answer ({@code result}, {@code responsible-properties}), or empty on error. */
    public Optional<JsonNode> compare(CpuModelInfo a, CpuModelInfo b) {
        return call("query-cpu-model-comparison", pair(a, b));
    }

    private static ObjectNode pair(CpuModelInfo a, CpuModelInfo b) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        args.set("modela", CpuModelInfoJson.write(a));
        args.set("modelb", CpuModelInfoJson.write(b));
        return args;
    }

    private Optional<JsonNode> call(String command, ObjectNode args) {
        try {
            return Optional.of(qemu.qmp().execute(command, args));
        } catch (QmpException e) {
            if ("Transport".equals(e.errorClass())) {
                throw e;
            }
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        qemu.close();
    }
}
