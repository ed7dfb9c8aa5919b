package dev.gcm.cli;

import dev.gcm.facilitydb.catalog.Catalog;
import picocli.CommandLine;

/** Prints the tool's version and the QEMU release its catalog describes. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = GcmCommand.class.getPackage().getImplementationVersion();
        return new String[] {"gcm " + (version == null ? "dev" : version),
                "catalog: IBM Z CPU models as of QEMU " + Catalog.load().qemuVersion()};
    }
}
