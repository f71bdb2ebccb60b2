#!/usr/bin/env python3
"""Times `baraza import registrations` (release build) on generated registration exports, side by side with
the libxml2 parsing floor (`xmllint --stream`) and the streaming ODK reader alone (`xml-bench`).

    make bench-import            # or: python3 bench/import_bench.py [--runs 3] [--presets medium,large]

Workloads come from /work/shared/bench/gen_workload.py (deterministic; cached under the temp folder). Each run
imports into a fresh workspace made with `baraza init --from-schedule <the workload's schedule.xml>`, so session
sign-ups are validated. Prints per preset the median wall time over the runs and the largest peak resident memory
(/usr/bin/time -v), then times one `baraza check` of the imported workspace. The three commands take turns within
each run, and the disk is synced before each (the import writes ~2.5x the export: copy, spool, people), so a
slow phase of the machine or writeback left by an earlier run weighs on all three alike. The presets' workspaces differ in
size too (their schedules), so a last table imports every preset's registrations into one workspace (the last
preset's schedule): there the peak memory differs only by what the registrations cost. Runs outside the test suite.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=5)
ap.add_argument("--presets", default="medium,large")
ap.add_argument("--generator", default="/work/shared/bench/gen_workload.py")
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
baraza = os.path.join(root, ".build/release/baraza")
bench = os.path.join(root, ".build/release/xml-bench")
for tool in (baraza, bench):
    if not os.path.exists(tool):
        sys.exit("build first: swift build -c release --product baraza && swift build -c release --product xml-bench")
xmllint = shutil.which("xmllint") or sys.exit("xmllint is missing (apt-get install libxml2-utils)")


def timed(cmd, cwd=None):
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, cwd=cwd)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", p.stderr).group(1)
    parts = [float(x) for x in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    return seconds, peak, p


def measure_in_turns(commands):
    """Runs each (make_cmd, prepare) once per round, in turn; returns per command (median time, max peak, last
    process, every round's time)."""
    times = [[] for _ in commands]
    peaks = [[] for _ in commands]
    last = [None for _ in commands]
    for _ in range(a.runs):
        for index, (make_cmd, prepare) in enumerate(commands):
            if prepare:
                prepare()
            os.sync()
            t, m, last[index] = timed(make_cmd())
            if last[index].returncode != 0:
                sys.exit(f"failed ({last[index].returncode}): {' '.join(make_cmd())}\n{last[index].stderr[-2000:]}")
            times[index].append(t)
            peaks[index].append(m)
    return [(statistics.median(t), max(m), p, t) for t, m, p in zip(times, peaks, last)]


def measure(make_cmd, prepare=None):
    return measure_in_turns([(make_cmd, prepare)])[0][:3]


print(f"registration import, release build, median of {a.runs} runs, peak RSS = max over runs")
print(f"{'workload':10s} {'file':>8s} {'records':>8s}   {'baraza import':>24s}   {'xml-bench (reader)':>24s}   {'xmllint --stream':>24s}")
for preset in a.presets.split(","):
    work = os.path.join(tempfile.gettempdir(), f"baraza-import-bench-{preset}")
    xml = os.path.join(work, "registrations.xml")
    if not os.path.exists(xml):
        subprocess.run([sys.executable, a.generator, "--out", work, "--preset", preset], check=True,
                       stdout=subprocess.DEVNULL)
    size = os.path.getsize(xml) / 1e6
    ws = os.path.join(work, "ws")

    def fresh():
        shutil.rmtree(ws, ignore_errors=True)
        subprocess.run([baraza, "init", ws, "--from-schedule", os.path.join(work, "schedule.xml")], check=True,
                       capture_output=True)

    (t_imp, m_imp, p, rounds_imp), (t_rd, m_rd, p_rd, _), (t_fl, m_fl, _, rounds_fl) = measure_in_turns([
        (lambda: [baraza, "import", "registrations", xml, "--into", ws], fresh),
        (lambda: [bench, xml], None),
        (lambda: [xmllint, "--stream", "--noout", xml], None),
    ])
    summary = p.stdout.strip().splitlines()[-2]
    records = re.search(r"records: (\d+)", p_rd.stdout).group(1)
    print(f"{preset:10s} {size:6.1f}MB {records:>8s}   {t_imp:8.2f} s {m_imp:8.1f} MB   "
          f"{t_rd:8.2f} s {m_rd:8.1f} MB   {t_fl:8.2f} s {m_fl:8.1f} MB   import/xmllint {t_imp / t_fl:.2f}x")
    # Each round's import against the xmllint run next to it: the figure least moved by the machine's phases.
    ratios = sorted(i / x for i, x in zip(rounds_imp, rounds_fl))
    print(f"{'':10s} import/xmllint per round: median {statistics.median(ratios):.2f}x "
          f"(from {ratios[0]:.2f}x to {ratios[-1]:.2f}x)")
    print(f"{'':10s} import: {summary}")
    # The imported people are loaded from registrations/*.people.yaml on every check.
    t_chk, m_chk, _ = timed([baraza, "check", ws])
    print(f"{'':10s} then `baraza check` on the imported workspace (1 run): {t_chk:.2f} s, peak {m_chk:.1f} MB")

# Same workspace for every registrations file: the peak differs only by the registrations' own cost.
last = os.path.join(tempfile.gettempdir(), f"baraza-import-bench-{a.presets.split(',')[-1]}")
fixed = os.path.join(tempfile.gettempdir(), "baraza-import-bench-fixed-ws")
print(f"\nregistrations into one workspace (schedule of {os.path.basename(last)}), median of {a.runs} runs")


def fresh_fixed():
    shutil.rmtree(fixed, ignore_errors=True)
    subprocess.run([baraza, "init", fixed, "--from-schedule", os.path.join(last, "schedule.xml")], check=True,
                   capture_output=True)


fresh_fixed()
t_chk, m_chk, _ = timed([baraza, "check", fixed])
print(f"{'(none)':10s} `baraza check` of the empty workspace: {t_chk:8.2f} s {m_chk:8.1f} MB")
for preset in a.presets.split(","):
    xml = os.path.join(tempfile.gettempdir(), f"baraza-import-bench-{preset}", "registrations.xml")
    t, m, p = measure(lambda: [baraza, "import", "registrations", xml, "--into", fixed], prepare=fresh_fixed)
    print(f"{preset:10s} import: {t:8.2f} s {m:8.1f} MB   ({p.stdout.strip().splitlines()[-2]})")
shutil.rmtree(fixed, ignore_errors=True)
