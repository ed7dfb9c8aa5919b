package dev.gcm.hypervisor.libvirt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of the QEMU that runs s390x guests here. libvirt names the version of its emulator for the
 * host's own architecture, which is that QEMU on an s390x host; elsewhere (tests on x86-64) there may be no
 * such emulator, and the s390x emulator the domain capabilities name is asked directly, when it can be run.
 */
final class QemuVersions {

    private static final Pattern VERSION = Pattern.compile("version (\\d+)\\.(\\d+)\\.(\\d+)");

    private QemuVersions() {
    }

    static String of(LibvirtConnection c, String emulator) throws LibvirtFailure {
        try {
            return c.hypervisorVersion();
        } catch (LibvirtFailure notForThisArch) {
            if (!emulator.isEmpty() && Files.isExecutable(Path.of(emulator))) {
                return fromBinary(emulator);
            }
            throw new LibvirtFailure("cannot tell the QEMU version: " + notForThisArch.getMessage()
                    + (emulator.isEmpty() ? "" : "; and " + emulator + " cannot be run here"));
        }
    }

    private static String fromBinary(String emulator) throws LibvirtFailure {
        try {
            Process p = new ProcessBuilder(emulator, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            Matcher m = VERSION.matcher(out);
            if (!m.find()) {
                throw new LibvirtFailure(emulator + " --version printed no version: " + out.strip());
            }
            return m.group(1) + "." + m.group(2) + "." + m.group(3);
        } catch (IOException e) {
            throw new LibvirtFailure("cannot run " + emulator + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LibvirtFailure("interrupted while asking " + emulator + " for its version");
        }
    }
}
