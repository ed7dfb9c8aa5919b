package dev.gcm.facilitydb.forms;

import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * A CPU model read from one of its forms, with what the form said beside it.
 *
 * @param model       the model as QEMU's CpuModelInfo (resolve it with a {@code ModelResolver})
 * @param form        the form it was read from
 * @param machineType the QEMU machine type the form names ({@code s390-ccw-virtio-7.2}), where it names one:
 *                    a domain's {@code <os><type machine=...>}, domain capabilities' {@code <machine>}
 */
public record ReadModel(CpuModelInfo model, ModelForm form, Optional<String> machineType) {

    public ReadModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(machineType, "machineType");
    }

    static ReadModel of(CpuModelInfo model, ModelForm form) {
        return new ReadModel(model, form, Optional.empty());
    }
}
