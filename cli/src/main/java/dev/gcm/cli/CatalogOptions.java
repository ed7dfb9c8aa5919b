package dev.gcm.cli;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.QemuVersion;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which QEMU release's view of the catalog to use. */
public final class CatalogOptions {

    @Option(names = "--qemu-version", paramLabel = "VERSION",
            description = "The view of this QEMU release (e.g. 7.2): its CPU models, features and deprecated features;"
                    + " hosts of newer releases are seen as it sees them. Default: the newest.")
    String qemuVersion;

    /** The release asked for, if any. */
    public Optional<QemuVersion> asked() {
        return Optional.ofNullable(qemuVersion).map(QemuVersion::parse);
    }

    /** The catalog of the release asked for (the newest when none was); a release before 2.8 is refused. */
    public Catalog catalog() {
        Catalog newest = Catalog.load();
        return asked().map(newest::forQemu).orElse(newest);
    }
}
