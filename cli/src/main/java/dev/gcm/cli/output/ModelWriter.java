package dev.gcm.cli.output;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import java.io.PrintWriter;

/** Prints one CPU model in any {@link ModelFormat}. */
public final class ModelWriter {

    private final Catalog catalog;

    public ModelWriter(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param qemuForm the CpuModelInfo to print for {@code qemu}, {@code args} and {@code libvirt}
     * @param extra    fields added to the own JSON form (may be null)
     */
    public void print(PrintWriter out, CpuModel model, CpuModelInfo qemuForm, ModelFormat format, ObjectNode extra) {
        switch (format) {
            case QEMU -> Json.print(out, CpuModelInfoJson.write(qemuForm));
            case ARGS -> out.println("-cpu " + qemuForm.toCpuArgument());
            case LIBVIRT -> out.print(libvirt(qemuForm));
            case JSON -> Json.print(out, ownForm(model, extra));
            case TABLE -> table(out, model, qemuForm);
        }
        out.flush();
    }

    /** The project's own JSON form of a model. */
    public ObjectNode ownForm(CpuModel model, ObjectNode extra) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("apiVersion", "gcm/v1");
        node.put("kind", "CpuModel");
        node.set("definition", definition(model.definition()));
        node.set("qemu", CpuModelInfoJson.write(Expansion.staticForm(catalog, model)));
        node.set("features", CpuModelInfoJson.writeNames(catalog.names(model.features())));
        if (extra != null) {
            node.setAll(extra);
        }
        return node;
    }

    public static ObjectNode definition(CpuDefinition d) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", d.name());
        node.put("machineType", d.machineTypeText());
        node.put("generation", d.generation());
        node.put("ga", d.ga());
        node.put("ibc", d.ibc().toString());
        node.put("description", d.description());
        return node;
    }

    private void table(PrintWriter out, CpuModel model, CpuModelInfo qemuForm) {
        CpuDefinition d = model.definition();
        out.printf("Definition:  %s (%s, machine type %s, generation %d GA %d)%n", d.name(), d.description(),
                d.machineTypeText(), d.generation(), d.ga());
        out.printf("IBC:         %s%n", d.ibc());
        out.printf("Features:    %d%n", model.features().size());
        out.printf("QEMU -cpu:   %s%n", qemuForm.toCpuArgument());
    }

    /** A libvirt custom CPU that requires the deltas of the static form and disables the removed ones. */
    public static String libvirt(CpuModelInfo info) {
        StringBuilder sb = new StringBuilder("<cpu mode='custom' match='exact' check='partial'>\n");
        sb.append("  <model fallback='forbid'>").append(info.name()).append("</model>\n");
        info.props().forEach((name, on) -> sb.append("  <feature policy='").append(on ? "require" : "disable")
                .append("' name='").append(name).append("'/>\n"));
        return sb.append("</cpu>\n").toString();
    }
}
