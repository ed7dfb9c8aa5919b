package dev.gcm.cli.online;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.gcm.cli.output.Table;
import dev.gcm.cli.output.Terminal;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Prints what an online command found: versioned documents (JSON, YAML) or tables for people. */
public final class Printer {

    /** The version of every document the online commands print; bumped only on incompatible change. */
    public static final String API_VERSION = "gcm/v1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper JSON_LINE = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final PrintWriter out;
    private final PrintWriter err;
    private final Output output;
    private final boolean headers;
    private final Terminal terminal;

    public Printer(PrintWriter out, PrintWriter err, Output output, boolean headers, Terminal terminal) {
        this.out = out;
        this.err = err;
        this.output = output;
        this.headers = headers;
        this.terminal = terminal;
    }

    public Output output() {
        return output;
    }

    public boolean headers() {
        return headers;
    }

    public boolean wide() {
        return output == Output.WIDE;
    }

    public Terminal terminal() {
        return terminal;
    }

    public PrintWriter out() {
        return out;
    }

    /** Diagnostics and warnings: never mixed into what a script reads from stdout. */
    public PrintWriter err() {
        return err;
    }

    /** A document: {@code apiVersion}, {@code kind}, then the fields of body. */
    public static ObjectNode document(String kind, JsonNode body) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode().put("apiVersion", API_VERSION).put("kind", kind);
        if (body != null && body.isObject()) {
            body.fields().forEachRemaining(e -> {
                if (!"apiVersion".equals(e.getKey()) && !"kind".equals(e.getKey())) {
                    doc.set(e.getKey(), e.getValue());
                }
            });
        }
        return doc;
    }

    /** Prints a document as JSON or YAML (whichever was asked for). */
    public void document(ObjectNode doc) {
        print(doc, JSON, "");
    }

    /** Prints a document on one line (JSON Lines) or as one YAML document of a stream. */
    public void streamed(ObjectNode doc) {
        print(doc, JSON_LINE, "---\n");
    }

    private void print(ObjectNode doc, ObjectMapper json, String yamlStart) {
        try {
            if (output == Output.YAML) {
                out.print(yamlStart + YAML.writeValueAsString(doc));
            } else {
                out.println(json.writeValueAsString(doc));
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** A table: wrapped to the terminal's width, except in the wide form, which keeps every cell on one line. */
    public void table(Table table) {
        table.print(out, headers, wide() ? Integer.MAX_VALUE : terminal.width());
    }
}
