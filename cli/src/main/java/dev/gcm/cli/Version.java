package dev.gcm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The tool's version, as Maven built it (a filtered resource), so that a jar run from anywhere knows it. */
public final class Version {

    private static final String CURRENT = load();

    private Version() {
    }

    /** e.g. {@code 0.1.0-SNAPSHOT}; "unknown" only in a build that skipped the resources. */
    public static String current() {
        return CURRENT;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
