package dev.gcm.cli.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads input from a file or, for "-", from standard input; bounded in size. */
public final class InputSource {

    /**
     * The largest input read whole: a model, or a fleet in XML. A JSON fleet is read as a stream, bounded by its
     * number of hosts instead (FleetFile).
     */
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
        try (Opened input = open(fileOrDash)) {
            if (input.size() > MAX_BYTES) {
                throw tooLarge(input.where());
            }
            return input.text();
        }
    }

    /**
     * A file or standard input, open to be read as a stream (a fleet of 100,000 hosts is read host by host).
     *
     * @param size  its size in bytes where known (a file), else -1
     * @param where how messages name it: the file's name or "standard input"
     */
    public record Opened(InputStream in, long size, String where) implements Closeable {

        /** All of it as text (at most {@link #MAX_BYTES}); refused when empty. */
        public String text() throws IOException {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(where);
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw empty(where);
            }
            return text;
        }

        @Override
        public void close() throws IOException {
            if (in != stdin) {
                in.close();
            }
        }
    }

    /** Opens a file, or standard input for "-": a directory or a missing file is named as such. */
    public static Opened open(String fileOrDash) throws IOException {
        if ("-".equals(fileOrDash)) {
            return new Opened(stdin, -1, "standard input");
        }
        Path path = Path.of(fileOrDash);
        if (Files.isDirectory(path)) {
            throw new IOException(fileOrDash + " is a directory; give a file (e.g. " + fileOrDash + "/fleet.json)");
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("no such file: " + fileOrDash);
        }
        return new Opened(Files.newInputStream(path), Files.size(path), fileOrDash);
    }

    /** "FILE is empty (expected a CPU model or a fleet)" */
    public static IOException empty(String where) {
        return new IOException(where + " is empty (expected a CPU model or a fleet)");
    }

    private static IOException tooLarge(String where) {
        return new IOException(where + " is larger than " + (MAX_BYTES >> 20) + " MiB");
    }
}
