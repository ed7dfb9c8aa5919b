package dev.gcm.cli.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads JSON from a file or, for "-", from standard input. */
public final class InputSource {

    private static InputStream stdin = System.in;

    private InputSource() {
    }

    /** Lets tests feed standard input. */
    public static void useStdin(InputStream in) {
        stdin = in;
    }

    public static JsonNode readJson(String fileOrDash) throws IOException {
        if ("-".equals(fileOrDash)) {
            return parse(stdin.readAllBytes(), "standard input");
        }
        Path path = Path.of(fileOrDash);
        if (Files.isDirectory(path)) {
            throw new IOException(fileOrDash + " is a directory; give a JSON file (e.g. " + fileOrDash + "/fleet.json)");
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("no such file: " + fileOrDash);
        }
        return parse(Files.readAllBytes(path), fileOrDash);
    }

    static JsonNode parse(byte[] bytes, String where) throws IOException {
        if (bytes.length == 0) {
            throw new IOException(where + " is empty (expected JSON)");
        }
        return CpuModelInfoJson.mapper().readTree(bytes);
    }
}
