#!/usr/bin/env python3
"""Builds facility-db's catalog resource from extracted QEMU facts.

Usage: build_catalog.py FACTS.json FIRST_RELEASES.json RELEASES.json OUT.json

FACTS.json is the shared reference (../shared/reference/s390x-facts.json);
FIRST_RELEASES.json (beside this script) names the first QEMU release of every
feature, group and definition, and the release from which QEMU reports each
deprecated feature; RELEASES.json (beside this script, written by
probe_qemu_release.py from real QEMUs) holds the machine types of every release
seen. The output is the project's own catalog format,
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


def at_least(version, since):
    return [int(p) for p in version.split(".")] >= [int(p) for p in since.split(".")]


def releases_seen(seen, first):
    """The machine types of each release seen, checked against the first releases of definitions and of
    deprecation (what a real QEMU answered must agree with what the catalog derives)."""
    out = []
    for release, facts in seen.items():
        derived = sorted(d for d, since in first["definitions"].items() if at_least(release, since))
        if derived != sorted(facts["cpuDefinitions"]):
            raise SystemExit(f"QEMU {release} knows definitions {facts['cpuDefinitions']}, the catalog derives {derived}")
        deprecated = sorted(f for f, since in first["deprecated"].items() if at_least(release, since))
        if deprecated != sorted(facts["deprecatedFeatures"]):
            raise SystemExit(f"QEMU {release} deprecates {facts['deprecatedFeatures']}, the catalog derives {deprecated}")
        out.append({
            "qemu": release,
            "machineTypes": facts["machineTypes"],
            "deprecatedMachineTypes": facts["deprecatedMachineTypes"],
            "defaultMachineType": facts["defaultMachineType"],
        })
    return out


def main(facts_path, first_path, seen_path, out_path):
    facts = json.load(open(facts_path))
    first = json.load(open(first_path))
    seen = json.load(open(seen_path))
    deprecated = first["deprecated"]
    if sorted(deprecated) != sorted(facts["deprecatedFeatures"]):
        raise SystemExit("the deprecated features of the facts and of the first releases differ")
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
            entry["deprecatedSinceQemu"] = deprecated[f["name"]]
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
        "releases": releases_seen(seen, first),
    }
    with open(out_path, "w") as out:
        json.dump(catalog, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
