package dev.gcm.hypervisor.libvirt;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.FeatureGroup;
import dev.gcm.facilitydb.catalog.UnknownNamesException;
import dev.gcm.facilitydb.forms.LibvirtCpuXml;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU models as libvirt gives them, made into {@link CpuModel}s: a named definition with feature switches
 * resolves as QEMU would; a model named after the accelerator ({@code host}, {@code max}, {@code qemu}) means
 * whatever this host's QEMU makes of it, so libvirt is asked to expand it (a baseline of that one CPU with
 * every feature listed, which starts a QEMU: about 2 s) and the answer is kept until the QEMU changes.
 */
final class LibvirtCpuModels {

    private static final Set<String> ACCELERATOR_MODELS = Set.of("host", "max", "qemu");

    /** Asks this host's QEMU, through libvirt, for the full feature list of one {@code <cpu>}. */
    interface Expander {
        String expand(String cpuXml) throws LibvirtFailure;
    }

    private final Catalog catalog;
    private final ModelResolver resolver;
    private final Map<String, CpuModel> expansions = new ConcurrentHashMap<>();
    private volatile String qemuIdentity = "";

    LibvirtCpuModels(Catalog catalog) {
        this.catalog = catalog;
        this.resolver = new ModelResolver(catalog);
    }

    /** Forgets the expansions when this host's QEMU is another one than before (path, version, accelerator). */
    void qemuIs(String identity) {
        if (!identity.equals(qemuIdentity)) {
            expansions.clear();
            qemuIdentity = identity;
        }
    }

    static boolean namesTheAccelerator(CpuModelInfo info) {
        return ACCELERATOR_MODELS.contains(info.name());
    }

    /** The model, expanding an accelerator's model through {@code expander}. */
    CpuModel resolve(CpuModelInfo info, Expander expander) throws LibvirtFailure {
        if (!namesTheAccelerator(info)) {
            return resolver.resolve(info);
        }
        String xml = LibvirtCpuXml.write(info);
        CpuModel cached = expansions.get(xml);
        if (cached != null) {
            return cached;
        }
        CpuModel expanded = fullList(LibvirtCpuXml.read(expander.expand(xml)));
        expansions.put(xml, expanded);
        return expanded;
    }

    /** The expansion already known for this model, without asking libvirt. */
    Optional<CpuModel> known(CpuModelInfo info) {
        return namesTheAccelerator(info) ? Optional.ofNullable(expansions.get(LibvirtCpuXml.write(info)))
                : Optional.of(resolver.resolve(info));
    }

    /**
     * A model whose features are exactly those listed (libvirt's expanded baseline): the definition's base
     * features that are not listed are off, which the model name alone would not say.
     */
    CpuModel fullList(CpuModelInfo listed) {
        String name = listed.name().endsWith("-base") ? listed.name().substring(0, listed.name().length() - 5)
                : listed.name();
        CpuDefinition def = catalog.definition(name)
                .orElseThrow(() -> new UnknownNamesException("CPU definition", List.of(name)));
        FeatureSet.Builder features = FeatureSet.builder();
        listed.props().forEach((prop, on) -> {
            if (on) {
                Optional<FeatureGroup> group = catalog.group(prop);
                features.addAll(group.isPresent() ? group.get().features()
                        : catalog.featureSet(List.of(prop)));
            }
        });
        return new CpuModel(def, features.build().and(def.full()));
    }

    /** The model less the named features (the test-only masking of the libvirt probe). */
    CpuModel without(CpuModel model, List<String> masked) {
        return masked.isEmpty() ? model
                : new CpuModel(model.definition(), model.features().andNot(catalog.featureSet(masked)));
    }
}
