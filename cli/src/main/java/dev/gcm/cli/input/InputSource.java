package dev.gcm.cli.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads input from a file or, for "-", from standard input; bounded in size. */
public final class InputSource {

    /** The largest input read (a fleet of 100,000 hosts in JSON is about 10 MiB). */
    public static final int MAX_BYTES = 64 << 20;

    private static InputStream stdin = System.in;

    private InputSource() {
    }

    /** Lets tests feed standard input. */
    public static void useStdin(InputStream in) {
        stdin = in;
    }

    public static JsonNode readJson(String fileOrDash) throws IOException {
        String text = readText(fileOrDash);
        return CpuModelInfoJson.mapper().readTree(text);
    }

    /** The text of a file or of standard input; refused when empty or larger than {@link #MAX_BYTES}. */
    public static String readText(String fileOrDash) throws IOException {
        String where = "-".equals(fileOrDash) ? "standard input" : fileOrDash;
        byte[] bytes;
        if ("-".equals(fileOrDash)) {
            bytes = stdin.readNBytes(MAX_BYTES + 1);
        } else {
            Path path = Path.of(fileOrDash);
            if (Files.isDirectory(path)) {
                throw new IOException(fileOrDash + " is a directory; give a file (e.g. " + fileOrDash + "/fleet.json)");
            }
            if (!Files.isRegularFile(path)) {
                throw new IOException("no such file: " + fileOrDash);
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new IOException(where + " is larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            bytes = Files.readAllBytes(path);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IOException(where + " is larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new IOException(where + " is empty (expected a CPU model or a fleet)");
        }
        return text;
    }
}
