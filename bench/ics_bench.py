#!/usr/bin/env python3
"""Times `baraza export ics` (release build) against Python `icalendar` writing the same set of files.

    make bench-ics            # or: python3 bench/ics_bench.py [--runs 3] [--presets medium,large]
                              #     [--baraza OLD --baraza NEW]  (several builds, runs interleaved)

The workload is bench/gen_check_workspace.py's generated workspace, 5,000 sessions, 3,000 speakers and five
sign-ups a participant: preset `medium` is 20,000 participants (100,000 sign-ups), `large` 100,000 participants
(500,000 sign-ups); `--sessions` and `--signups` give another size. Each calendar set is the whole-event calendar,
one per room and one per person. For each size, Python and every build run in turn, round by round, in one
invocation (so a change in the machine's load falls on all of them alike); prints the median wall and CPU time
(user + system), the largest peak resident memory (/usr/bin/time -v) of each, the load average before each round,
and the speed-up of each build over Python: the ratio of the medians, and the median of each round's own ratio.
The output folders are checked to hold the same file names.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile

PRESETS = {"medium": 100000, "large": 500000}
ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=3)
ap.add_argument("--presets", default="medium", help="comma-separated: medium (20,000 people), large (100,000)")
ap.add_argument("--sessions", type=int, default=5000)
ap.add_argument("--signups", type=int, default=None, help="another size instead of the presets")
ap.add_argument("--baraza", action="append", default=[],
                help="a baraza binary to time (repeat to compare builds, e.g. one kept from before a change); "
                     "default: .build/release/baraza")
ap.add_argument("--no-dry-run", action="store_true", help="skip the --dry-run runs (planning without writing)")
ap.add_argument("--out-dir", default="/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir(),
                help="where both write their files (default: /dev/shm, so disk contention does not decide)")
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binaries = a.baraza or [os.path.join(root, ".build/release/baraza")]
for binary in binaries:
    if not os.path.exists(binary):
        sys.exit(f"{binary}: build first: swift build -c release --product baraza")
sizes = [("custom", a.signups)] if a.signups else [(name, PRESETS[name]) for name in a.presets.split(",")]


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


def bench(name, signups):
    workspace = os.path.join(tempfile.gettempdir(), f"baraza-bench-{a.sessions}-{signups}")
    if not os.path.exists(os.path.join(workspace, "event.yaml")):
        subprocess.run([sys.executable, os.path.join(root, "bench/gen_check_workspace.py"), "--out", workspace,
                        "--sessions", str(a.sessions), "--signups", str(signups)], check=True)
    scratch = tempfile.mkdtemp(prefix="baraza-ics-bench-", dir=a.out_dir)
    python_out = os.path.join(scratch, "python")
    jobs = [("python", [sys.executable, os.path.join(root, "bench/ics_python.py"), workspace, python_out],
             python_out)]
    for k, binary in enumerate(binaries):
        out = os.path.join(scratch, f"swift{k}")
        jobs.append((f"baraza{k}", [binary, "export", "ics", workspace, "--out", out], out))
        if not a.no_dry_run:
            jobs.append((f"dry{k}", [binary, "export", "ics", workspace, "--out", out + "-dry", "--dry-run"],
                         out + "-dry"))
    samples = {label: [] for label, _, _ in jobs}
    loads = []
    for _ in range(a.runs):
        loads.append(os.getloadavg()[0])
        for label, command, out in jobs:
            samples[label].append(run(label, command, out))
    median = lambda label, i: statistics.median(r[i] for r in samples[label])
    peak = lambda label: max(r[2] for r in samples[label]) / 1024
    files = lambda out: sum(len(f) for _, _, f in os.walk(out))
    names = lambda d: {os.path.relpath(os.path.join(r, f), d) for r, _, fs in os.walk(d) for f in fs}
    people = signups // 5
    print(f"{name}: calendars for {a.sessions} sessions, {people} participants ({signups} sign-ups), median of "
          f"{a.runs} rounds (wall time incl. loading), python and baraza in turn each round; load average before the "
          f"rounds {min(loads):.1f} to {max(loads):.1f}")
    print(f"  python icalendar              {median('python', 0):8.2f} s  cpu {median('python', 1):7.2f} s  peak "
          f"{peak('python'):7.1f} MB  {files(python_out)} files")
    print(f"    ({samples['python'][-1][3]})")
    for k, binary in enumerate(binaries):
        label = f"baraza{k}"
        same = names(os.path.join(scratch, f"swift{k}")) == names(python_out)
        print(f"  {binary}")
        print(f"    baraza export ics             {median(label, 0):8.2f} s  cpu {median(label, 1):7.2f} s  peak "
              f"{peak(label):7.1f} MB  {files(os.path.join(scratch, f'swift{k}'))} files")
        if not a.no_dry_run:
            dry = f"dry{k}"
            print(f"    baraza --dry-run (all but writing) {median(dry, 0):5.2f} s  cpu {median(dry, 1):7.2f} s  "
                  f"peak {peak(dry):7.1f} MB")
        rounds = [p[0] / b[0] for p, b in zip(samples["python"], samples[label])]
        print(f"    speed-up over python: {median('python', 0) / median(label, 0):.1f}x wall (medians; each round "
              f"{', '.join(f'{r:.1f}' for r in rounds)}, median {statistics.median(rounds):.1f}x), "
              f"{median('python', 1) / median(label, 1):.1f}x cpu; same file names: {same}")
    shutil.rmtree(scratch, ignore_errors=True)


for name, signups in sizes:
    bench(name, signups)
print(f"  output written under {a.out_dir}; load average after: {os.getloadavg()[0]:.2f}")
