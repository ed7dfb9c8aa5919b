package dev.gcm.test.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.hypervisor.qemu.QemuProcess;
import dev.gcm.hypervisor.qmp.QmpException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The real qemu-system-s390x under TCG, asked over QMP: the reference for every model semantic.
 * The binary is {@code qemu-system-s390x} on the PATH unless {@code GCM_QEMU_BINARY} names another.
 */
public final class QemuOracle implements AutoCloseable {

    public static final List<String> ARGS = List.of("-machine", "s390-ccw-virtio", "-accel", "tcg", "-cpu", "qemu");

    private final QemuProcess qemu;

    private QemuOracle(QemuProcess qemu) {
        this.qemu = qemu;
    }

    public static QemuOracle start() throws IOException {
        String binary = Optional.ofNullable(System.getenv("GCM_QEMU_BINARY")).orElse("qemu-system-s390x");
        return new QemuOracle(QemuProcess.start(binary, ARGS, Duration.ofSeconds(30)));
    }

    public JsonNode version() {
        return qemu.qmp().execute("query-version", null);
    }

    public JsonNode definitions() {
        return qemu.qmp().execute("query-cpu-definitions", null);
    }

    /** The expanded model, or empty when QEMU refuses the model. */
    public Optional<CpuModelInfo> expand(CpuModelInfo model, String type) {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("type", type);
        args.set("model", CpuModelInfoJson.write(model));
        return call("query-cpu-model-expansion", args).map(r -> CpuModelInfoJson.read(r.get("model"), "model"));
    }

    /** The baseline of two models, or empty when QEMU finds none (or refuses an input). */
    public Optional<CpuModelInfo> baseline(CpuModelInfo a, CpuModelInfo b) {
        return call("query-cpu-model-baseline", pair(a, b)).map(r -> CpuModelInfoJson.read(r.get("model"), "model"));
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
