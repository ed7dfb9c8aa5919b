#!/usr/bin/env python3
"""Start-up cost of an offline gcm call beside a bare JVM start, on this machine.

Usage: startup.py RUNS  (from the repository root, after mvn package; prints Markdown rows)

Runs each command RUNS times, round-robin (so that a change in the machine's load falls on all of them
alike), after one warm-up each (which also makes the launcher's class archive, in a cache directory of its
own), and prints per command: the mean and median wall time, the CPU time (user + system) and the ratio of
the mean to that of `java -version`. The bar (docs/design.md section 7): an offline CLI call within 5x of a bare
JVM start.
"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
cache = tempfile.mkdtemp(prefix="gcm-startup-cache-")
env = dict(os.environ, XDG_CACHE_HOME=cache)
commands = [
    ("`java -version` (a bare JVM start)", ["java", "-version"]),
    ("`gcm compare z14 gen16a` (the launcher, cli/target/gcm)", ["cli/target/gcm", "compare", "z14", "gen16a"]),
    ("`java -jar cli/target/gcm.jar compare z14 gen16a` (no launcher)",
     ["java", "-jar", "cli/target/gcm.jar", "compare", "z14", "gen16a"]),
    ("`gcm version` (the launcher)", ["cli/target/gcm", "version"]),
]


def once(argv):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall * 1000, cpu * 1000


for _, argv in commands:
    once(argv)  # warm-up: the file cache, and the launcher's class archive
walls = {name: [] for name, _ in commands}
cpus = {name: [] for name, _ in commands}
for _ in range(runs):
    for name, argv in commands:
        wall, cpu = once(argv)
        walls[name].append(wall)
        cpus[name].append(cpu)
base = statistics.mean(walls[commands[0][0]])
for name, _ in commands:
    w = walls[name]
    print(f"| {name} | {statistics.mean(w):,.0f} | {statistics.median(w):,.0f} | {statistics.stdev(w):,.0f} "
          f"| {statistics.mean(cpus[name]):,.0f} | {statistics.mean(w) / base:.1f}x |")
