#!/usr/bin/env python3
"""Times `baraza export ics` (release build) against Python `icalendar` writing the same set of files.

    make bench-ics            # or: python3 bench/ics_bench.py [--runs 3] [--sessions 5000] [--signups 100000]

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
ap.add_argument("--out-dir", default="/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir(),
                help="where both write their files (default: /dev/shm, so disk contention does not decide)")
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
baraza = os.path.join(root, ".build/release/baraza")
if not os.path.exists(baraza):
    sys.exit("build first: swift build -c release --product baraza")
workspace = os.path.join(tempfile.gettempdir(), f"baraza-bench-{a.sessions}-{a.signups}")
if not os.path.exists(os.path.join(workspace, "event.yaml")):
    subprocess.run([sys.executable, os.path.join(root, "bench/gen_check_workspace.py"), "--out", workspace,
                    "--sessions", str(a.sessions), "--signups", str(a.signups)], check=True)
scratch = tempfile.mkdtemp(prefix="baraza-ics-bench-", dir=a.out_dir)


def measure(label, command, out):
    times, peaks, cpus, last = [], [], [], ""
    for _ in range(a.runs):
        shutil.rmtree(out, ignore_errors=True)
        p = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True, cwd=root)
        if p.returncode != 0:
            sys.exit(f"{label} failed:\n{p.stderr[-2000:]}")
        wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", p.stderr).group(1)
        parts = [float(x) for x in wall.split(":")]
        times.append(parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0))
        cpus.append(sum(float(re.search(rf"{k} time \(seconds\): (\S+)", p.stderr).group(1)) for k in ("User", "System")))
        peaks.append(int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)))
        last = p.stdout.strip().splitlines()[-1] if p.stdout.strip() else ""
    files = sum(len(f) for _, _, f in os.walk(out))
    return statistics.median(times), max(peaks) / 1024, files, last, statistics.median(cpus)


swift_out, python_out = os.path.join(scratch, "swift"), os.path.join(scratch, "python")
s_time, s_mem, s_files, _, s_cpu = measure("baraza", [baraza, "export", "ics", workspace, "--out", swift_out], swift_out)
d_time, d_mem, _, _, d_cpu = measure(
    "baraza --dry-run", [baraza, "export", "ics", workspace, "--out", swift_out + "-dry", "--dry-run"], swift_out + "-dry")
p_time, p_mem, p_files, p_line, p_cpu = measure(
    "python", [sys.executable, os.path.join(root, "bench/ics_python.py"), workspace, python_out], python_out)
names = lambda d: {os.path.relpath(os.path.join(r, f), d) for r, _, fs in os.walk(d) for f in fs}
same = names(swift_out) == names(python_out)
print(f"calendars for {a.sessions} sessions / {a.signups} sign-ups, median of {a.runs} runs (wall time incl. loading)")
print(f"  baraza export ics (release)   {s_time:8.2f} s  cpu {s_cpu:7.2f} s  peak {s_mem:7.1f} MB  {s_files} files")
print(f"  baraza --dry-run (all but writing) {d_time:5.2f} s  cpu {d_cpu:7.2f} s  peak {d_mem:7.1f} MB"
      f"  -> writing the files {s_time - d_time:.2f} s wall, {s_cpu - d_cpu:.2f} s cpu")
print(f"  python icalendar              {p_time:8.2f} s  cpu {p_cpu:7.2f} s  peak {p_mem:7.1f} MB  {p_files} files")
print(f"    ({p_line})")
print(f"  speed-up {p_time / s_time:.1f}x wall, {p_cpu / s_cpu:.1f}x cpu end to end (loading included on both sides)")
print(f"  same file names: {same}; output in {a.out_dir}")
shutil.rmtree(scratch, ignore_errors=True)
