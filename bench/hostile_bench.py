#!/usr/bin/env python3
"""Times `baraza check`, `baraza build` and `baraza import registrations` (release build) on hostile sizes: a
workspace whose one name is 100,000 characters (and one of 50 MB), a workspace at the documented limits (a
500-character name, a 20,000-character bio), and a registration export with a 100,000-character name imported
into the sample workspace, then built.

    python3 bench/hostile_bench.py [--runs 3] [--timeout 900] [--skip-50mb] [--baraza .build/release/baraza]

Inputs come from bench/gen_hostile.py (deterministic; written under the temp folder). Prints per command the
median wall time, the largest peak resident memory (/usr/bin/time -v) and the exit status. A run that exceeds
--timeout is stopped and shown as such. Runs outside the test suite.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=3)
ap.add_argument("--timeout", type=int, default=900)
ap.add_argument("--skip-50mb", action="store_true")
ap.add_argument("--baraza", default=None, help="the binary to time (default: .build/release/baraza)")
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
baraza = os.path.abspath(a.baraza or os.path.join(root, ".build/release/baraza"))
if not os.path.exists(baraza):
    sys.exit("build first: swift build -c release --product baraza")
generator = os.path.join(root, "bench/gen_hostile.py")
scratch = os.path.join(tempfile.gettempdir(), "baraza-hostile-bench")
os.makedirs(scratch, exist_ok=True)


def generate(*args):
    subprocess.run([sys.executable, generator, *args], check=True, capture_output=True)


def timed(args):
    """Seconds, peak MB and exit status of one run (None, None, 'timeout' past --timeout)."""
    try:
        p = subprocess.run(["/usr/bin/time", "-v", baraza] + args, capture_output=True, text=True, cwd=root,
                           timeout=a.timeout)
    except subprocess.TimeoutExpired:
        return None, None, "timeout", ""
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", p.stderr).group(1)
    parts = [float(x) for x in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    lines = [l for l in (p.stdout + p.stderr).splitlines() if l and not l.startswith("\t") and "Command" not in l]
    return seconds, peak, p.returncode, (lines[-1] if lines else "")[:110]


def report(label, results):
    done = [r for r in results if r[0] is not None]
    if not done:
        print(f"  {label:52s} stopped after {a.timeout} s")
        return
    t = statistics.median(r[0] for r in done)
    mem = max(r[1] for r in done)
    print(f"  {label:52s} {t:8.3f} s  peak {mem:8.1f} MB  exit {done[-1][2]}  ({done[-1][3]})")


def measure(label, args, prepare=None):
    results = []
    for _ in range(a.runs):
        if prepare:
            prepare()
        results.append(timed(args))
        if results[-1][0] is None:
            break
    report(label, results)


workloads = [("sample as shipped (for reference)", "name", 0),
             ("name of 100,000 characters", "name", 100_000),
             ("at the limits: 500-char name", "name", 500),
             ("at the limits: 20,000-char bio", "bio", 20_000)]
if not a.skip_50mb:
    workloads.append(("name of 50 MB (50,000,000 characters)", "name", 50_000_000))

print(f"{baraza}, median of {a.runs} run(s)")
for label, field, chars in workloads:
    ws = os.path.join(scratch, f"ws-{field}-{chars}")
    if not chars:
        # A copy: `build` may write state files into the workspace it builds.
        shutil.rmtree(ws, ignore_errors=True)
        shutil.copytree(os.path.join(root, "events/final-kigali-2027"), ws)
    elif not os.path.exists(os.path.join(ws, "event.yaml")):
        generate("workspace", "--out", ws, "--field", field, "--chars", str(chars))
    out = os.path.join(scratch, "out")
    measure(f"check, {label}", ["check", ws])
    measure(f"build, {label}", ["build", ws, "--out", out, "--force"],
            prepare=lambda: shutil.rmtree(out, ignore_errors=True))

export = os.path.join(scratch, "long-name-100000.xml")
generate("export", "--out", export, "--chars", "100000")
target = os.path.join(scratch, "ws-import")


def fresh_workspace():
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(os.path.join(root, "events/final-kigali-2027"), target)


measure("import registrations, export with a 100,000-char name", ["import", "registrations", export, "--into", target],
        prepare=fresh_workspace)
out = os.path.join(scratch, "out-import")
measure("build after that import", ["build", target, "--out", out, "--force"],
        prepare=lambda: shutil.rmtree(out, ignore_errors=True))
