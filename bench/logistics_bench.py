#!/usr/bin/env python3
"""Times transfer planning (release build) on synthetic workloads of 1k, 10k and 100k journeys.

    make bench-logistics        # or: python3 bench/logistics_bench.py [--runs 5] [--sizes 1000,10000,100000]

Each size runs `logistics-bench <journeys>` several times under /usr/bin/time -v and prints the median
planning time (TransferPlanner.plan only, measured inside the process), the median wall time of the whole
process (building the workspace in memory included), the largest peak resident memory, and the runs planned.
The last column divides the planning time by n log2 n: roughly flat when the cost grows as n log n.
Runs outside the test suite.
"""
import argparse, math, os, re, statistics, subprocess, sys

ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=5)
ap.add_argument("--sizes", default="1000,10000,100000")
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
exe = os.path.join(root, ".build/release/logistics-bench")
if not os.path.exists(exe):
    sys.exit("build first: swift build -c release --product logistics-bench")

def wall_seconds(stderr):
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", stderr).group(1)
    parts = [float(x) for x in wall.split(":")]
    return parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)

print(f"transfer planning, release build, median of {a.runs} runs")
print(f"  {'journeys':>9} {'plan (s)':>9} {'wall (s)':>9} {'peak MB':>8} {'runs':>7} {'no vehicle':>10}  {'plan µs / (n log2 n)':>20}")
for n in [int(s) for s in a.sizes.split(",")]:
    plans, walls, peaks, line = [], [], [], ""
    for _ in range(a.runs):
        p = subprocess.run(["/usr/bin/time", "-v", exe, str(n)], capture_output=True, text=True, cwd=root)
        if p.returncode != 0:
            sys.exit(p.stdout + p.stderr)
        line = p.stdout.strip().splitlines()[-1]
        fields = dict(kv.split("=") for kv in line.split())
        plans.append(float(fields["plan_seconds"]))
        walls.append(wall_seconds(p.stderr))
        peaks.append(int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)))
    plan = statistics.median(plans)
    per = plan * 1e6 / (n * math.log2(n))
    print(f"  {n:>9} {plan:>9.3f} {statistics.median(walls):>9.3f} {max(peaks) / 1024:>8.1f} "
          f"{fields['runs']:>7} {fields['without_vehicle']:>10}  {per:>20.4f}")
