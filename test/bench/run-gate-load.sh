#!/usr/bin/env bash
# Load run of POST /api/v1/migrations/check on loopback: one planner member, then three (separate JVMs),
# each with a simulated fleet of 1,000 hosts, at several concurrency levels; the load generator runs on
# the same machine. Writes bench-results/gate.md. Not part of the tests.
# Usage: test/bench/run-gate-load.sh   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f planner/target/gcm-planner.jar ] && [ -f test/target/gcm-benchmarks.jar ] || mvn -B -ntp -q package -DskipTests
mkdir -p bench-results
out=bench-results/gate.md
seconds=${SECONDS_PER_LEVEL:-10}
levels=${LEVELS:-16,64,256}
pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_members() { # count
  local n=$1 cluster="load-$RANDOM-$$" hz=() http=() members=""
  for i in $(seq 1 "$n"); do hz+=("$(free_port)"); http+=("$(free_port)"); done
  for p in "${hz[@]}"; do members+="127.0.0.1:$p,"; done
  urls=""
  for i in $(seq 0 $((n - 1))); do
    GCM_INSECURE=true GCM_CLUSTER_NAME=$cluster GCM_HTTP_HOST=127.0.0.1 GCM_HTTP_PORT=${http[$i]} GCM_HZ_PORT=${hz[$i]} \
      GCM_MEMBERS=${members%,} GCM_EXPECTED_MEMBERS=$n java -Xmx512m -jar planner/target/gcm-planner.jar \
      >"bench-results/planner-$n-$i.log" 2>&1 &
    pids+=($!)
    urls+="http://127.0.0.1:${http[$i]},"
  done
  urls=${urls%,}
  for u in ${urls//,/ }; do
    for _ in $(seq 1 120); do curl -sf "$u/readyz" >/dev/null && break; sleep 0.5; done
  done
}

{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(java -version 2>&1 | head -1); load generator on the same machine."
  echo
  echo "| members | in flight | requests/s | p50 ms | p99 ms | p999 ms | errors |"
  echo "|---|---|---|---|---|---|---|"
  for n in 1 3; do
    start_members "$n"
    java -cp test/target/gcm-benchmarks.jar dev.gcm.bench.GateLoad "$urls" 1000 "$seconds" "$levels"
    cleanup; pids=(); sleep 2
  done
} | tee "$out"
