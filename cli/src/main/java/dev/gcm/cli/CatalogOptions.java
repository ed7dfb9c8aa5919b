package dev.gcm.cli;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.QemuVersion;
import picocli.CommandLine.Option;

/** Which QEMU release's view of the catalog to use. */
public final class CatalogOptions {

    @Option(names = "--qemu-version", paramLabel = "VERSION",
            description = "Use the CPU models and features this QEMU release knows (e.g. 7.2); default: newest.")
    String qemuVersion;

    public Catalog catalog() {
        Catalog newest = Catalog.load();
        return qemuVersion == null ? newest : newest.forQemu(QemuVersion.parse(qemuVersion));
    }
}
