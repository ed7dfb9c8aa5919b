package dev.gcm.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.forms.CpuArgument;
import dev.gcm.facilitydb.forms.GcmDocuments;
import dev.gcm.facilitydb.forms.LibvirtCpuXml;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.io.PrintWriter;

/** Prints one CPU model in any {@link ModelFormat}, through facility-db's writers (which its reader reads back). */
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
            case ARGS -> out.println(CpuArgument.write(qemuForm));
            case LIBVIRT -> out.print(libvirt(qemuForm));
            case JSON -> Json.print(out, ownForm(model, extra));
            case TABLE -> table(out, model, qemuForm);
        }
        out.flush();
    }

    /** The project's own JSON form of a model (a gcm/v1 CpuModel document). */
    public ObjectNode ownForm(CpuModel model, ObjectNode extra) {
        ObjectNode node = GcmDocuments.cpuModel(catalog, model);
        if (extra != null) {
            node.setAll(extra);
        }
        return node;
    }

    public static ObjectNode definition(CpuDefinition d) {
        return GcmDocuments.definition(d);
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
        return LibvirtCpuXml.write(info);
    }
}
