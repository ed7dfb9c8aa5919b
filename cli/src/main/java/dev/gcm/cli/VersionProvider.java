package dev.gcm.cli;

import dev.gcm.facilitydb.catalog.Catalog;
import picocli.CommandLine;

/** {@code --version} and {@code gcm version}: the tool's version and the QEMU release its catalog describes. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return lines();
    }

    static String[] lines() {
        return new String[] {"gcm " + Version.current(),
                "catalog: IBM Z CPU models as of QEMU " + Catalog.load().qemuVersion(),
                "java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
