#!/usr/bin/env python3
"""Times `baraza check` (release build) on the sample workspaces and on a generated large workspace.

    make bench-check            # or: python3 bench/check_bench.py [--runs 5] [--sessions 5000] [--signups 100000]

Prints, per workload, the median wall time over the runs and the largest peak resident memory
(/usr/bin/time -v). Runs outside the test suite; figures go in the README and the closing notes.
"""
import argparse, os, re, statistics, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=5)
ap.add_argument("--sessions", type=int, default=5000)
ap.add_argument("--signups", type=int, default=100000)
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
baraza = os.path.join(root, ".build/release/baraza")
if not os.path.exists(baraza):
    sys.exit("build first: swift build -c release --product baraza")

def measure(args):
    times, peaks, code = [], [], None
    for _ in range(a.runs):
        p = subprocess.run(["/usr/bin/time", "-v", baraza] + args, capture_output=True, text=True, cwd=root)
        code = p.returncode
        wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", p.stderr).group(1)
        parts = [float(x) for x in wall.split(":")]
        times.append(parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0))
        peaks.append(int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)))
    summary = p.stdout.strip().splitlines()[-1] if p.stdout.strip() else p.stderr.strip().splitlines()[0]
    return statistics.median(times), max(peaks) / 1024, code, summary

big = os.path.join(tempfile.gettempdir(), f"baraza-bench-{a.sessions}-{a.signups}")
if not os.path.exists(os.path.join(big, "event.yaml")):
    subprocess.run([sys.executable, os.path.join(root, "bench/gen_check_workspace.py"), "--out", big,
                    "--sessions", str(a.sessions), "--signups", str(a.signups)], check=True)
print(f"baraza check, release build, median of {a.runs} runs")
for label, args in [("sample final event", ["check", "events/final-kigali-2027"]),
                    ("all samples (events/)", ["check", "events/"]),
                    (f"generated {a.sessions} sessions / {a.signups} sign-ups", ["check", big])]:
    t, mem, code, summary = measure(args)
    print(f"  {label:45s} {t:7.3f} s  peak {mem:7.1f} MB  exit {code}  ({summary})")
