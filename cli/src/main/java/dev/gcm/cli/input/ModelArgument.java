package dev.gcm.cli.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gcm.facilitydb.forms.FormException;
import dev.gcm.facilitydb.forms.ModelForms;
import dev.gcm.facilitydb.forms.ReadModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A model named on the command line, in any form facility-db reads (told apart by content): a name
 * ({@code z14}), a {@code -cpu} argument ({@code "-cpu z14-base,vx=off"} or {@code z14,csske=off}), QEMU
 * CpuModelInfo JSON, a gcm/v1 document (JSON or YAML, as {@code -o json} and {@code -o yaml} print them), a
 * libvirt {@code <cpu>}, domain capabilities or domain XML; inline, in a file, or "-" for standard input.
 */
public final class ModelArgument {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern INLINE = Pattern.compile("^\\s*(<|\\{|\\[|\"|-{1,2}cpu(\\s|=|$))");
    private static final Pattern YAML_DOCUMENT = Pattern.compile("^(---\\s*\\n)?apiVersion:", Pattern.MULTILINE);

    private ModelArgument() {
    }

    /** The model, as QEMU's CpuModelInfo. */
    public static CpuModelInfo read(String arg) throws IOException {
        return readModel(arg).model();
    }

    /** The model and what its form said beside it (a domain's machine type). */
    public static ReadModel readModel(String arg) throws IOException {
        return parse(source(arg));
    }

    /** Text in any model form, YAML gcm/v1 documents included. */
    public static ReadModel parse(String text) throws IOException {
        if (YAML_DOCUMENT.matcher(text.strip()).lookingAt()) {
            JsonNode doc;
            try {
                doc = YAML.readTree(text);
            } catch (IOException e) {
                throw new FormException("malformed YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
            }
            return ModelForms.read(doc, "$");
        }
        return ModelForms.read(text);
    }

    private static String source(String arg) throws IOException {
        if ("-".equals(arg.strip())) {
            return InputSource.readText("-");
        }
        if (INLINE.matcher(arg).find() || YAML_DOCUMENT.matcher(arg.strip()).lookingAt()) {
            return arg;
        }
        Path path = Path.of(arg.strip());
        if (Files.isRegularFile(path)) {
            return InputSource.readText(arg.strip());
        }
        if (arg.contains("/") || arg.strip().matches(".*\\.(json|xml|yaml|yml)")) {
            throw new IOException("no such file: " + arg.strip());
        }
        return arg;
    }
}
