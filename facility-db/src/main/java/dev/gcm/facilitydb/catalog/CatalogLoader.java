package dev.gcm.facilitydb.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.model.Ibc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the catalog resource ({@code catalog.json}, format gcm-catalog/1). */
final class CatalogLoader {

    static final String RESOURCE = "/dev/gcm/facilitydb/catalog.json";
    private static final String FORMAT = "gcm-catalog/1";

    private CatalogLoader() {
    }

    static Catalog loadBundled() {
        try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("catalog resource " + RESOURCE + " is missing from the class path");
            }
            return parse(JsonTreeReader.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog resource " + RESOURCE, e);
        }
    }

    static Catalog parse(JsonNode root) {
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalStateException("catalog format is not " + FORMAT);
        }
        List<Feature> features = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (JsonNode f : root.get("features")) {
            int i = features.size();
            Feature feature = new Feature(i, f.get("name").asText(), FeatureKind.valueOf(f.get("kind").asText()),
                    f.get("bit").asInt(), f.get("description").asText(),
                    QemuVersion.parse(f.get("sinceQemu").asText()),
                    f.hasNonNull("deprecatedSinceQemu") ? Optional.of(QemuVersion.parse(f.get("deprecatedSinceQemu").asText()))
                            : Optional.empty());
            features.add(feature);
            index.put(feature.name(), i);
        }
        List<FeatureGroup> groups = new ArrayList<>();
        for (JsonNode g : root.get("groups")) {
            groups.add(new FeatureGroup(groups.size(), g.get("name").asText(), g.get("description").asText(),
                    QemuVersion.parse(g.get("sinceQemu").asText()), set(g.get("features"), index)));
        }
        JsonNode levels = root.get("featureLevels");
        List<CpuDefinition> definitions = new ArrayList<>();
        for (JsonNode d : root.get("definitions")) {
            String levelName = d.get("featureLevel").asText();
            JsonNode level = levels.get(levelName);
            if (level == null) {
                throw new IllegalStateException("definition " + d.get("name").asText()
                        + " names an unknown feature level " + levelName);
            }
            definitions.add(new CpuDefinition(definitions.size(), d.get("name").asText(),
                    Integer.parseInt(d.get("machineType").asText(), 16), d.get("generation").asInt(),
                    d.get("ga").asInt(), Ibc.parse(d.get("ibc").asText()), d.get("description").asText(),
                    QemuVersion.parse(d.get("sinceQemu").asText()), levelName,
                    set(level.get("base"), index), set(level.get("default"), index), set(level.get("full"), index)));
        }
        return new Catalog(QemuVersion.parse(root.get("newestQemu").asText()), features.size(), features, groups,
                definitions, set(root.get("ignoredBaseFeatures"), index), releases(root.path("releases")));
    }

    private static List<QemuRelease> releases(JsonNode releases) {
        List<QemuRelease> out = new ArrayList<>();
        for (JsonNode r : releases) {
            out.add(new QemuRelease(QemuVersion.parse(r.get("qemu").asText()), strings(r.get("machineTypes")),
                    strings(r.get("deprecatedMachineTypes")), r.get("defaultMachineType").asText()));
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static FeatureSet set(JsonNode names, Map<String, Integer> index) {
        FeatureSet.Builder b = FeatureSet.builder();
        for (JsonNode n : names) {
            Integer i = index.get(n.asText());
            if (i == null) {
                throw new IllegalStateException("catalog names an unknown feature: " + n.asText());
            }
            b.add(i);
        }
        return b.build();
    }
}
