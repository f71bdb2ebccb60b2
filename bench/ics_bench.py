#!/usr/bin/env python3
"""Times `baraza export ics` (release build) against Python `icalendar` writing the same set of files.

    make bench-ics            # or: python3 bench/ics_bench.py [--runs 3] [--sessions 5000] [--signups 100000]
                              #     [--baraza OLD --baraza NEW]  (several builds, runs interleaved)

The workload is bench/gen_check_workspace.py's generated workspace (5,000 sessions, 3,000 speakers, 20,000
participants with 100,000 sign-ups): the whole-event calendar, one per room and one per person. Both run in the
same invocation, each several times; prints the median wall time and the largest peak resident memory
(/usr/bin/time -v) of each, and the ratio. The output folders are checked to hold the same file names.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=3)
ap.add_argument("--sessions", type=int, default=5000)
ap.add_argument("--signups", type=int, default=100000)
ap.add_argument("--baraza", action="append", default=[],
                help="a baraza binary to time (repeat to compare builds, e.g. one kept from before a change); "
                     "default: .build/release/baraza")
ap.add_argument("--out-dir", default="/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir(),
                help="where both write their files (default: /dev/shm, so disk contention does not decide)")
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binaries = a.baraza or [os.path.join(root, ".build/release/baraza")]
for binary in binaries:
    if not os.path.exists(binary):
        sys.exit(f"{binary}: build first: swift build -c release --product baraza")
workspace = os.path.join(tempfile.gettempdir(), f"baraza-bench-{a.sessions}-{a.signups}")
if not os.path.exists(os.path.join(workspace, "event.yaml")):
    subprocess.run([sys.executable, os.path.join(root, "bench/gen_check_workspace.py"), "--out", workspace,
                    "--sessions", str(a.sessions), "--signups", str(a.signups)], check=True)
scratch = tempfile.mkdtemp(prefix="baraza-ics-bench-", dir=a.out_dir)


def run(label, command, out):
    shutil.rmtree(out, ignore_errors=True)
    p = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True, cwd=root)
    if p.returncode != 0:
        sys.exit(f"{label} failed:\n{p.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", p.stderr).group(1)
    parts = [float(x) for x in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    cpu = sum(float(re.search(rf"{k} time \(seconds\): (\S+)", p.stderr).group(1)) for k in ("User", "System"))
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    last = p.stdout.strip().splitlines()[-1] if p.stdout.strip() else ""
    return seconds, cpu, peak, last


def measure(jobs):
    """Each (label, command, out) run `a.runs` times, interleaved round by round so that a change in the machine's
    load falls on all of them alike: median wall and cpu time, largest peak, number of files, last line."""
    samples = {label: [] for label, _, _ in jobs}
    for _ in range(a.runs):
        for label, command, out in jobs:
            samples[label].append(run(label, command, out))
    results = {}
    for label, _, out in jobs:
        runs = samples[label]
        files = sum(len(f) for _, _, f in os.walk(out))
        results[label] = (statistics.median(r[0] for r in runs), max(r[2] for r in runs) / 1024, files, runs[-1][3],
                          statistics.median(r[1] for r in runs))
    return results


python_out = os.path.join(scratch, "python")
jobs = [("python", [sys.executable, os.path.join(root, "bench/ics_python.py"), workspace, python_out], python_out)]
for k, binary in enumerate(binaries):
    out = os.path.join(scratch, f"swift{k}")
    jobs.append((f"baraza{k}", [binary, "export", "ics", workspace, "--out", out], out))
    jobs.append((f"dry{k}", [binary, "export", "ics", workspace, "--out", out + "-dry", "--dry-run"], out + "-dry"))
results = measure(jobs)
names = lambda d: {os.path.relpath(os.path.join(r, f), d) for r, _, fs in os.walk(d) for f in fs}
p_time, p_mem, p_files, p_line, p_cpu = results["python"]
print(f"calendars for {a.sessions} sessions / {a.signups} sign-ups, median of {a.runs} runs (wall time incl. loading),"
      f" runs interleaved; load before: {os.getloadavg()[0]:.2f}")
for k, binary in enumerate(binaries):
    s_time, s_mem, s_files, _, s_cpu = results[f"baraza{k}"]
    d_time, d_mem, _, _, d_cpu = results[f"dry{k}"]
    same = names(os.path.join(scratch, f"swift{k}")) == names(python_out)
    print(f"  {binary}")
    print(f"    baraza export ics             {s_time:8.2f} s  cpu {s_cpu:7.2f} s  peak {s_mem:7.1f} MB  {s_files} files")
    print(f"    baraza --dry-run (all but writing) {d_time:5.2f} s  cpu {d_cpu:7.2f} s  peak {d_mem:7.1f} MB"
          f"  -> writing the files {s_time - d_time:.2f} s wall, {s_cpu - d_cpu:.2f} s cpu")
    print(f"    speed-up {p_time / s_time:.1f}x wall, {p_cpu / s_cpu:.1f}x cpu end to end (loading included on both"
          f" sides); same file names: {same}")
print(f"  python icalendar              {p_time:8.2f} s  cpu {p_cpu:7.2f} s  peak {p_mem:7.1f} MB  {p_files} files")
print(f"    ({p_line})")
print(f"  output in {a.out_dir}")
shutil.rmtree(scratch, ignore_errors=True)
