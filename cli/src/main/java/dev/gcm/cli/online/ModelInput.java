package dev.gcm.cli.online;

import dev.gcm.cli.input.ModelArgument;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import java.io.IOException;

/**
 * A CPU model an online command sends to the planner, checked here first, so that a mistyped name is
 * answered in words with the nearest names ("unknown CPU model z99", "did you mean z14?") rather than as the
 * planner's refusal of a request body.
 */
final class ModelInput {

    private ModelInput() {
    }

    static CpuModelInfo read(String argument) throws IOException {
        CpuModelInfo info = ModelArgument.read(argument);
        new ModelResolver(Catalog.load()).resolve(info);
        return info;
    }
}
