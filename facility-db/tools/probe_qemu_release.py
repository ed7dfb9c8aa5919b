#!/usr/bin/env python3
"""Reads the release facts of one real qemu-system-s390x over QMP and merges them into a JSON file.

Usage: probe_qemu_release.py OUT.json BINARY [QEMU ARGS...]
  e.g. probe_qemu_release.py qemu-releases.json /usr/bin/qemu-system-s390x
       probe_qemu_release.py qemu-releases.json /opt/gcm-qemu10/usr/bin/qemu-system-s390x -L /opt/gcm-qemu10/usr/share/qemu

Facts per release (the key is MAJOR.MINOR.0): the machine types (query-machines, "none" left out), which
of them QEMU marks deprecated, the default machine type, the CPU definitions (query-cpu-definitions, the
accelerator models and -base names left out) and the deprecated CPU features (the deprecated-props of a full
expansion; absent before QEMU 9.1). build_catalog.py copies them into the catalog's "releases".
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time


def qmp(binary, extra):
    workdir = tempfile.mkdtemp(prefix="gcm-probe-")
    path = os.path.join(workdir, "qmp.sock")
    proc = subprocess.Popen([binary, *extra, "-S", "-nodefaults", "-nographic", "-no-user-config",
                             "-machine", "s390-ccw-virtio", "-accel", "tcg", "-cpu", "qemu",
                             "-qmp", f"unix:{path},server=on,wait=off"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while not os.path.exists(path):
        if proc.poll() is not None or time.time() > deadline:
            raise SystemExit(f"{binary} did not open its monitor")
        time.sleep(0.05)
    sock = socket.socket(socket.AF_UNIX)
    sock.connect(path)
    stream = sock.makefile("rw")
    stream.readline()

    def execute(command, arguments=None):
        message = {"execute": command}
        if arguments is not None:
            message["arguments"] = arguments
        stream.write(json.dumps(message) + "\n")
        stream.flush()
        while True:
            answer = json.loads(stream.readline())
            if "return" in answer:
                return answer["return"]
            if "error" in answer:
                raise SystemExit(f"{command}: {answer['error']}")

    execute("qmp_capabilities")
    return proc, execute


def machine_order(name):
    """s390-ccw-virtio-2.10 after -2.9: by the release in the name."""
    return [int(p) for p in name.rsplit("-", 1)[1].split(".")]


def main(out_path, binary, *extra):
    proc, execute = qmp(binary, list(extra))
    try:
        v = execute("query-version")["qemu"]
        release = f"{v['major']}.{v['minor']}.0"
        machines = [m for m in execute("query-machines") if m["name"] != "none"]
        definitions = [d["name"] for d in execute("query-cpu-definitions")
                       if not d["name"].endswith("-base") and d["name"] not in ("qemu", "max", "host")]
        expansion = execute("query-cpu-model-expansion", {"type": "full", "model": {"name": "z900"}})
    finally:
        proc.kill()
    facts = json.load(open(out_path)) if os.path.exists(out_path) else {}
    facts[release] = {
        "machineTypes": sorted((m["name"] for m in machines), key=machine_order),
        "deprecatedMachineTypes": sorted((m["name"] for m in machines if m.get("deprecated")), key=machine_order),
        "defaultMachineType": next(m["name"] for m in machines if m.get("is-default")),
        "cpuDefinitions": sorted(definitions),
        "deprecatedFeatures": sorted(expansion.get("deprecated-props", [])),
        "reportsDeprecatedFeatures": "deprecated-props" in expansion,
    }
    with open(out_path, "w") as out:
        json.dump(dict(sorted(facts.items(), key=lambda kv: [int(p) for p in kv[0].split(".")])), out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
