#!/usr/bin/env python3
"""Times `baraza export agenda` and `baraza export schedule-xml` (release build) on the sample workspace and on
a generated large workspace, next to `baraza check` on the same workspace (the cost of loading it).

    python3 bench/agenda_bench.py [--runs 5] [--sessions 5000] [--signups 100000]

Prints, per command, the median wall time over the runs, the largest peak resident memory (/usr/bin/time -v) and
the size of what was written. Runs outside the test suite.
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
    return statistics.median(times), max(peaks) / 1024, code


big = os.path.join(tempfile.gettempdir(), f"baraza-bench-{a.sessions}-{a.signups}")
if not os.path.exists(os.path.join(big, "event.yaml")):
    subprocess.run([sys.executable, os.path.join(root, "bench/gen_check_workspace.py"), "--out", big,
                    "--sessions", str(a.sessions), "--signups", str(a.signups)], check=True)
out = tempfile.mkdtemp(prefix="baraza-agenda-bench-")
print(f"release build, median of {a.runs} runs")
for label, workspace in [("sample final event", "events/final-kigali-2027"),
                         (f"generated {a.sessions} sessions / {a.signups} sign-ups", big)]:
    for command, written in [(["check"], None), (["export", "agenda"], "agenda/index.html"),
                             (["export", "schedule-xml"], "schedule.xml")]:
        args = command + [workspace] + (["--out", out] if written else [])
        t, mem, code = measure(args)
        size = f"{os.path.getsize(os.path.join(out, written)) / 1e6:6.2f} MB" if written else " " * 9
        print(f"  {label:42s} {' '.join(command):20s} {t:7.3f} s  peak {mem:7.1f} MB  {size}  exit {code}")
