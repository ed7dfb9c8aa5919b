package dev.gcm.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Pretty JSON on the command's writer. */
public final class Json {

    private Json() {
    }

    public static void print(PrintWriter out, JsonNode node) {
        try {
            out.println(CpuModelInfoJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(node));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
