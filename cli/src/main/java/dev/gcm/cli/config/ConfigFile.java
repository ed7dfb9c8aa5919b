package dev.gcm.cli.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Function;

/**
 * Where the configuration lives and how it is read and written: {@code $GCM_CONFIG} if set, else
 * {@code $XDG_CONFIG_HOME/gcm/config.yaml}, else {@code ~/.config/gcm/config.yaml}. A missing file is an
 * empty configuration. Written atomically, readable by its owner only.
 */
public final class ConfigFile {

    private static final long MOST_BYTES = 1 << 20;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path path;

    public ConfigFile(Path path) {
        this.path = path;
    }

    /** The file the environment points at. */
    public static ConfigFile locate(Function<String, String> env) {
        String explicit = env.apply("GCM_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return new ConfigFile(Path.of(explicit));
        }
        String xdg = env.apply("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new ConfigFile(base.resolve("gcm").resolve("config.yaml"));
    }

    public Path path() {
        return path;
    }

    public GcmConfig read() {
        if (!Files.exists(path)) {
            return GcmConfig.EMPTY;
        }
        try {
            if (Files.isDirectory(path)) {
                throw new IllegalArgumentException("the configuration " + path + " is a directory, not a file");
            }
            if (Files.size(path) > MOST_BYTES) {
                throw new IllegalArgumentException("the configuration " + path + " is larger than 1 MiB");
            }
            GcmConfig c = YAML.readValue(path.toFile(), GcmConfig.class);
            return c == null ? GcmConfig.EMPTY : c;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("the configuration " + path + " is not valid: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration " + path, e);
        }
    }

    public void write(GcmConfig config) {
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".config", ".yaml");
            try {
                if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(tmp, YAML.writeValueAsString(config));
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the configuration " + path, e);
        }
    }

    /** A path as written in the file: {@code ~/} is the home directory; relative paths are the file's. */
    public Path resolve(String file) {
        if (file.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(file.substring(2));
        }
        Path p = Path.of(file);
        return p.isAbsolute() ? p : path.toAbsolutePath().getParent().resolve(p);
    }
}
