package dev.gcm.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Pretty JSON on the command's writer. */
public final class Json {

    private Json() {
    }

    private static final ObjectWriter PRETTY = CpuModelInfoJson.mapper().writer()
            .with(SerializationFeature.INDENT_OUTPUT).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** Written as it goes (a document may hold 100,000 hosts' limits), then a line end. */
    public static void print(PrintWriter out, JsonNode node) {
        try {
            PRETTY.writeValue(out, node);
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
