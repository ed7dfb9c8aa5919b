#!/usr/bin/env bash
# Runs the GCM benchmarks (JMH) and QEMU's own pairwise baseline over the same fleets, and writes
# bench-results/gcm.md (a Markdown table with the machine, JDK and date). Not part of the tests.
# Usage: test/bench/run-gcm-bench.sh   (from the repository root, after `mvn -B -ntp package -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=test/target/gcm-benchmarks.jar
[ -f "$jar" ] || mvn -B -ntp -q package -DskipTests
mkdir -p bench-results
out=bench-results/gcm.md
json=bench-results/gcm-jmh.json

java -jar "$jar" GcmBenchmark -rf json -rff "$json" >bench-results/gcm-jmh.log

{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(java -version 2>&1 | head -1), $(qemu-system-s390x --version | head -1)."
  echo
  echo "**n-way GCM from scratch (JMH, average time per GCM)**"
  echo
  echo "| hosts | fleet | time | ± (99.9%) |"
  echo "|---|---|---|---|"
  python3 - "$json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1])):
    p = r["params"]; m = r["primaryMetric"]
    print(f"| {int(p['hosts']):,} | {p['variety'].lower()} | {m['score']:,.1f} {m['scoreUnit']} | {m['scoreError']:,.1f} |")
PY
  echo
  echo "**Beside QEMU's own baseline** (libvirt's left fold of query-cpu-model-baseline over QMP, real qemu-system-s390x under TCG; same realistic fleet)"
  echo
  echo "| hosts | QEMU fold over | QEMU ms/host | QEMU total ms | ours ms (best warm run) | ratio | result |"
  echo "|---|---|---|---|---|---|---|"
  java -cp "$jar" dev.gcm.bench.QemuBaselineCost 1000 1000
  java -cp "$jar" dev.gcm.bench.QemuBaselineCost 100000 2000
} >"$out"
cat "$out"
