#!/usr/bin/env python3
"""Builds facility-db's catalog resource from extracted QEMU facts.

Usage: build_catalog.py FACTS.json FIRST_RELEASES.json OUT.json

FACTS.json is the shared reference (../shared/reference/s390x-facts.json);
FIRST_RELEASES.json (beside this script) names the first QEMU release of every
feature, group and definition. The output is the project's own catalog format,
documented in facility-db/README.md. The build never runs this script: the
generated catalog is committed, so the project builds without ../shared.
"""
import json
import sys


def level_sets(facts, level_id, generations):
    for gen in generations.values():
        if gen["featureListId"] == level_id:
            return {"base": gen["base"], "default": gen["default"], "full": gen["full"]}
    raise SystemExit(f"no feature lists for level {level_id}")


def main(facts_path, releases_path, out_path):
    facts = json.load(open(facts_path))
    first = json.load(open(releases_path))
    deprecated = set(facts["deprecatedFeatures"])
    features = []
    for f in sorted(facts["features"], key=lambda f: f["index"]):
        entry = {
            "name": f["name"],
            "kind": f["type"],
            "bit": f["bit"],
            "description": f["desc"],
            "sinceQemu": first["features"][f["name"]],
        }
        if f["name"] in deprecated:
            entry["deprecated"] = True
        features.append(entry)
    groups = [
        {
            "name": g["name"],
            "description": g["desc"],
            "sinceQemu": first["groups"][g["name"]],
            "features": g["features"],
        }
        for g in facts["featureGroups"]
    ]
    levels = {}
    definitions = []
    for d in facts["cpuDefs"]:
        level = d["featureListId"]
        levels.setdefault(level, level_sets(facts, level, facts["generations"]))
        definitions.append({
            "name": d["name"],
            "machineType": d["machineType"],
            "generation": d["gen"],
            "ga": d["ec_ga"],
            "ibc": d["ibcHex"],
            "description": d["desc"],
            "sinceQemu": first["definitions"][d["name"]],
            "featureLevel": level,
        })
    catalog = {
        "format": "gcm-catalog/1",
        "source": "Facts extracted from QEMU target/s390x (v10.2.0 model data; first releases from QEMU's history)",
        "newestQemu": "10.2.0",
        "featureKinds": facts["featureTypes"]["order"],
        "features": features,
        "groups": groups,
        "ignoredBaseFeatures": facts["ignoredBaseFeatures"],
        "definitions": definitions,
        "featureLevels": levels,
    }
    with open(out_path, "w") as out:
        json.dump(catalog, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
