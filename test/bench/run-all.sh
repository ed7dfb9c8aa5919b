#!/usr/bin/env bash
# Runs every benchmark in one go on this machine and publishes the numbers:
#   GCM from scratch (JMH) at 10 to 1,000,000 hosts beside QEMU's own pairwise QMP baseline (real
#   qemu-system-s390x, same fleets; large fleets sampled and extrapolated) and libvirt's virsh
#   hypervisor-cpu-baseline (a private libvirtd 9.0 over the same QEMU; chunks of 256 CPUs), the index update and the gate
#   decision in-process (JMH), POST /migrations/check under load on one and three planner members with
#   authentication on (100,000 hosts, one agent token per host) beside the HTTP floor (GET /api/v1/ping),
#   report-to-every-member propagation, the libvirt hook's verdict (script start to exit, through the agent and
#   the gate), memory (record size, heap of 100,000 hosts in -Xmx512m), and the start-up of an offline gcm
#   call beside a bare JVM start.
# Writes bench-results/benchmarks.md (with the machine, JDK and date, and the bars of DESIGN section 7
# marked met or not) and puts the same table into README.md between the bench markers.
# Not part of the tests. Takes about 10 minutes on 2 cores.
# Usage: test/bench/run-all.sh   (from anywhere; builds the jars when missing)
#   QUICK=1 test/bench/run-all.sh   shorter JMH runs and load levels, for a try-out
#   ONLY=gate test/bench/run-all.sh  only one step again (jmh, indexcpu, qemu, libvirt, gate, propagation, hook, cut,
#                                    memory, baseline, startup); the report takes the other results
#                                    from the last full run (bench-results/raw)
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=test/target/gcm-benchmarks.jar
planner=planner/target/gcm-planner.jar
[ -f "$bench" ] && [ -f "$planner" ] && [ -f agent/target/gcm-agent.jar ] && [ -x cli/target/gcm ] \
  || mvn -B -ntp -q package -DskipTests
out=bench-results
raw=$out/raw
mkdir -p "$raw"
only=${ONLY:-}
if [ -z "$only" ]; then rm -f "$raw"/*; else rm -f "$raw/$only.md"; fi
want() { [ -z "$only" ] || [ "$only" = "$1" ]; }
if [ -n "${QUICK:-}" ]; then jmh=(-wi 1 -i 2 -w 1 -r 1); seconds=4; levels=16,64; else jmh=(); seconds=10; levels=16,32,64,256; fi
step() { echo "== $(date -u +%H:%M:%S) $*" >&2; }
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
pids=()
stop_members() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; pids=(); sleep 2; }
trap stop_members EXIT
member_env=() # more environment for the members a step starts
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_members() { # N [TOKENS_FILE]: N planner JVMs on loopback (insecure without a tokens file), URLs in $urls
  # several members on one machine: each JVM is sized to its share of the cores, as a container CPU limit
  # would size it (a JVM that believes it has every core runs threads for all of them, and they fight);
  # the heap as the chart sizes a member (2 GiB limit, Initial- and MaxRAMPercentage=75): in -Xmx512m 100,000
  # hosts fit (the memory step) but G1 marks without pause and takes a fifth of the CPU
  local n=$1 cluster="bench-$RANDOM-$$" hz=() http=() members="" i share=() auth=(GCM_INSECURE=true)
  [ -n "${2:-}" ] && auth=(GCM_TOKENS_FILE="$2" GCM_CLUSTER_SECRET_FILE="$raw/cluster-secret")
  [ -f "$raw/cluster-secret" ] || (umask 077 && head -c 32 /dev/urandom | base64 >"$raw/cluster-secret")
  [ "$n" -gt 1 ] && share=("-XX:ActiveProcessorCount=$(( $(nproc) / n > 0 ? $(nproc) / n : 1 ))")
  for i in $(seq 1 "$n"); do hz+=("$(free_port)"); http+=("$(free_port)"); done
  for p in "${hz[@]}"; do members+="127.0.0.1:$p,"; done
  urls=""
  for i in $(seq 0 $((n - 1))); do
    env "${auth[@]}" "${member_env[@]}" GCM_CLUSTER_NAME=$cluster GCM_HTTP_HOST=127.0.0.1 GCM_HTTP_PORT=${http[$i]} \
      GCM_HZ_PORT=${hz[$i]} GCM_HZ_HOST=127.0.0.1 GCM_MEMBERS=${members%,} GCM_EXPECTED_MEMBERS=$n \
      GCM_STATE_DIR="$raw/state-$n-$i" \
      java -Xms1536m -Xmx1536m "${share[@]}" -jar "$planner" >"$raw/planner-$n-$i.log" 2>&1 &
    pids+=($!)
    urls+="http://127.0.0.1:${http[$i]},"
  done
  urls=${urls%,}
  for u in ${urls//,/ }; do
    for _ in $(seq 1 240); do curl -sf "$u/readyz" >/dev/null && break; sleep 0.5; done
  done
}

if want jmh; then
step "JMH: GCM from scratch, index update, gate decision"
java -jar "$bench" "GcmBenchmark|IndexBenchmark|GateBenchmark" "${jmh[@]}" -rf json -rff "$raw/jmh.json" >"$raw/jmh.log"
fi

if want indexcpu; then
step "Index update and GCM read at 100,000 hosts by CPU time (the JMH figures include waits for a core)"
java -cp "$bench" dev.gcm.bench.IndexCpuTime >"$raw/indexcpu.txt"
fi

if want qemu; then
step "QEMU's pairwise baseline over QMP, beside ours"
for spec in "10 10" "1000 1000" "100000 2000" "1000000 2000"; do
  java -Xmx6g -cp "$bench" dev.gcm.bench.QemuBaselineCost $spec >>"$raw/qemu.md"
done
fi

if want libvirt; then
step "libvirt's virsh hypervisor-cpu-baseline (private libvirtd), beside ours"
if [ -n "${QUICK:-}" ]; then specs=("10 10" "1000 1000" "100000 1000"); else specs=("10 10" "1000 1000" "100000 2000" "1000000 2000"); fi
for spec in "${specs[@]}"; do
  # shellcheck disable=SC2086
  java -Xmx6g -cp "$bench" dev.gcm.bench.LibvirtBaselineCost $spec >>"$raw/libvirt.md" 2>>"$raw/libvirt.log" \
    || echo "| ${spec%% *} | - | - | - | libvirt did not run (see raw/libvirt.log) | - | - | - |" >>"$raw/libvirt.md"
done
fi

if want gate; then
step "POST /migrations/check under load beside the HTTP floor, authenticated, 100,000 hosts: one member, then three"
java -cp "$bench" dev.gcm.bench.GateLoad tokens "$raw/tokens.json" 100000
# a live fleet: agents report every 30 s, so every target is fresh; 100,000 agents are not run here, so the
# members are told a report stays fresh for the whole run (else every check after 90 s says TARGET_STALE)
member_env=(GCM_STALE_AFTER=2h)
for n in 1 3; do
  start_members "$n" "$raw/tokens.json"
  java -Xmx2g -Dgcm.bench.memberPids="$(IFS=,; echo "${pids[*]}")" -cp "$bench" dev.gcm.bench.GateLoad "$urls" 100000 \
    "$seconds" "$levels" "$raw/tokens.json" >>"$raw/gate.md"
  stop_members
done
rm -f "$raw/tokens.json"
member_env=()
fi

if want propagation; then
step "Propagation: report to every member of three (authenticated)"
java -cp "$bench" dev.gcm.bench.BenchAuth "$raw/auth.json" bench-hook
start_members 3 "$raw/auth.json"
java -cp "$bench" dev.gcm.bench.PropagationRun "$urls" 200 "$raw/auth.json" >"$raw/propagation.md"
stop_members
fi

if want hook; then
step "libvirt hook verdict: the installed hook script to its exit, through the agent and the gate (authenticated)"
java -cp "$bench" dev.gcm.bench.BenchAuth "$raw/auth.json" bench-hook
start_members 1 "$raw/auth.json"
java -Dgcm.bench.memberPids="$(IFS=,; echo "${pids[*]}")" -cp "$bench" dev.gcm.bench.HookLatency "$urls" agent/target/gcm-agent.jar 1000 "$raw/auth.json" >"$raw/hook.md"
stop_members
fi

if want cut; then
step "Cut to first rejection: PartitionIT (three members in network namespaces, one cut off under load), three rounds"
rm -f planner/target/partition-timing.txt
for round in 1 2 3; do
  mvn -B -ntp -o -q verify -pl planner -am -Dtest=none -Dit.test=PartitionIT -Dgcm.netns=require \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false >>"$raw/cut.log" 2>&1 \
    || echo "cut round $round failed (see $raw/cut.log)" >&2
done
cp planner/target/partition-timing.txt "$raw/cut.txt" 2>/dev/null || true
fi

if want memory; then
step "Memory: 100,000 hosts in a 512 MiB heap"
java -Xmx512m -cp "$bench" dev.gcm.bench.MemoryFootprint 100000 >"$raw/memory.md" 2>"$raw/memory.log" \
  || echo "| 100,000 | - | - | did not fit | - | 512 MiB | - | - |" >"$raw/memory.md"
fi

if want baseline; then
step "gcm baseline of a 100,000-host fleet file (one host in five on QEMU 10.0): wall time and peak memory"
java -cp "$bench" dev.gcm.bench.FleetFileWriter 100000 "$raw/fleet-100k.json" hosts >"$raw/baseline.log"
/usr/bin/time -f "%e s %M KiB" -o "$raw/baseline.time" cli/target/gcm baseline "$raw/fleet-100k.json" \
  >"$raw/baseline.out" 2>>"$raw/baseline.log" || echo "gcm baseline failed (see $raw/baseline.log)" >&2
rm -f "$raw/fleet-100k.json"
fi

if want startup; then
step "Start-up: an offline gcm call beside a bare JVM start"
python3 test/bench/startup.py "$([ -n "${QUICK:-}" ] && echo 5 || echo 20)" >"$raw/startup.md"
fi

if [ -n "$only" ] && [ ! -f "$raw/jmh.json" ]; then
  step "No full run's results in $raw to report beside this step's: README.md left alone; $only gave:"
  cat "$raw/$only".md "$raw/$only".txt 2>/dev/null || true
  exit 0
fi
step "Writing $out/benchmarks.md and README.md"
python3 test/bench/report.py "$raw" "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" \
  "$(java -version 2>&1 | head -1)" "$(qemu-system-s390x --version | head -1)" \
  "$(virsh --version 2>/dev/null || echo '?')" "$load_start" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$out/benchmarks.md"
python3 - "$out/benchmarks.md" README.md <<'PY'
import sys
table, readme = open(sys.argv[1]).read(), open(sys.argv[2]).read()
begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
head, rest = readme.split(begin)
_, tail = rest.split(end)
open(sys.argv[2], "w").write(head + begin + "\n" + table + end + tail)
PY
cat "$out/benchmarks.md"
