package dev.gcm.cli.input;

import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model named on the command line: a CPU model name ({@code z14}, {@code z14-base}), a JSON file
 * holding one CpuModelInfo, inline JSON, or "-" for standard input.
 */
public final class ModelArgument {

    private ModelArgument() {
    }

    public static CpuModelInfo read(String arg) throws IOException {
        String trimmed = arg.trim();
        if (trimmed.startsWith("{")) {
            return CpuModelInfoJson.read(InputSource.parse(trimmed.getBytes(), "the argument"), "$");
        }
        if ("-".equals(trimmed) || Files.exists(Path.of(trimmed)) || trimmed.endsWith(".json")
                || trimmed.contains("/")) {
            return CpuModelInfoJson.read(InputSource.readJson(trimmed), "$");
        }
        return CpuModelInfo.named(trimmed);
    }
}
