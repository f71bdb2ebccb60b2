#!/usr/bin/env python3
"""Issue 18's workloads: `baraza check` on the workspace of 100,000 imported people, cold and warm.

    python3 bench/scale_bench.py [--runs 5] [--preset large] [--formats text,json]

Generates the workload with ../shared/bench/gen_workload.py (or --workload-script), makes a workspace with
`baraza init --from-schedule` and `baraza import registrations` (once, kept under the temporary folder), then
times `baraza check` (release build):
  cold   the first run after an import: the cache (`.baraza/cache/`) removed before each run;
  warm   nothing changed since the last command (the cache as the previous run left it);
  off    BARAZA_CACHE=off (never reads or writes the cache).
Prints the median wall time and the largest peak resident memory (/usr/bin/time -v) of each, and checks that the
three print the same bytes and exit the same way. Runs outside the test suite.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=5)
ap.add_argument("--preset", default="large", choices=["small", "medium", "large"])
ap.add_argument("--formats", default="text,json", help="check's output formats to time (default: text,json)")
ap.add_argument("--workload-script", default=None, help="gen_workload.py (default: ../shared/bench/gen_workload.py)")
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
baraza = os.path.join(root, ".build/release/baraza")
if not os.path.exists(baraza):
    sys.exit("build first: swift build -c release --product baraza")
script = a.workload_script or os.path.normpath(os.path.join(root, "../shared/bench/gen_workload.py"))
if not os.path.exists(script):
    script = "/work/shared/bench/gen_workload.py"
work = os.path.join(tempfile.gettempdir(), f"baraza-scale-{a.preset}")
workload, ws = os.path.join(work, "workload"), os.path.join(work, "ws")
if not os.path.exists(os.path.join(workload, "registrations.xml")):
    subprocess.run([sys.executable, script, "--out", workload, "--preset", a.preset], check=True)
if not os.path.exists(os.path.join(ws, "registrations")):
    shutil.rmtree(ws, ignore_errors=True)
    subprocess.run([baraza, "init", ws, "--from-schedule", os.path.join(workload, "schedule.xml")], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([baraza, "import", "registrations", os.path.join(workload, "registrations.xml"), "--into", ws],
                   check=True, stdout=subprocess.DEVNULL)


def run_once(args, env):
    p = subprocess.run(["/usr/bin/time", "-v", baraza] + args, capture_output=True, cwd=root,
                       env={**os.environ, **env})
    err = p.stderr.decode(errors="replace")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", err).group(1)
    parts = [float(x) for x in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024
    return seconds, peak, p.returncode, p.stdout


def measure(label, args, env, before=None):
    times, peaks, outputs = [], [], set()
    for _ in range(a.runs):
        if before:
            before()
        t, m, code, out = run_once(args, env)
        times.append(t)
        peaks.append(m)
        outputs.add((code, out))
    (code, out), = outputs if len(outputs) == 1 else (sys.exit(f"{label}: runs differ"),)
    print(f"  {label:34s} {statistics.median(times):7.3f} s  peak {max(peaks):7.1f} MB  exit {code}"
          f"  ({len(out)} bytes)")
    return code, out


cache = os.path.join(ws, ".baraza", "cache")
drop = lambda: shutil.rmtree(cache, ignore_errors=True)
print(f"baraza check, {a.preset} workload ({ws}), release build, median of {a.runs} runs")
results = []
for fmt in a.formats.split(","):
    args = ["check", ws, "--format", fmt]
    results.append(measure(f"{fmt}: cache off", args, {"BARAZA_CACHE": "off"}))
    results.append(measure(f"{fmt}: cold (cache removed)", args, {}, before=drop))
    run_once(args, {})
    results.append(measure(f"{fmt}: warm (nothing changed)", args, {}))
    same = len({results[-1], results[-2], results[-3]}) == 1
    print(f"  {fmt}: same bytes and exit status with and without the cache: {same}")
