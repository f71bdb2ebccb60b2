#!/usr/bin/env python3
"""Issue 18's workloads: `baraza check` on the workspace of 100,000 imported people, cold and warm; the agenda
page of its 5,000 sessions; participant packs for a FOSDEM-size event of 1,000 people.

    python3 bench/scale_bench.py [--runs 5] [--preset large] [--formats text,json] [--parts check,agenda,pack]
                                 [--baraza OLD --baraza NEW] [--pack-people 1000] [--baseline OTHER/baraza]

Generates the workload with ../shared/bench/gen_workload.py (or --workload-script), makes a workspace with
`baraza init --from-schedule` and `baraza import registrations` (once, kept under the temporary folder), then
times `baraza check` (release build):
  cold   the first run after an import: the cache (`.baraza/cache/`) removed before each run;
  edited the sessions' file changed since the last command (a comment line added or removed), the people not:
         the kept result is out of date, the people file's snapshot (`.baraza/cache/people-*`) is not;
  warm   nothing changed since the last command (the cache as the previous run left it);
  off    BARAZA_CACHE=off (never reads or writes the cache).
Prints the median wall time and the largest peak resident memory (/usr/bin/time -v) of each, and checks that the
three print the same bytes and exit the same way. With several `--baraza` builds (e.g. one kept from before a
change), their cold and cache-off runs are interleaved round by round, so a change in the machine's load (other
builds) falls on all of them alike, and their outputs must be the same bytes.

logistics: the same workspace with the host city's logistics added (six hotels holding 17,000 rooms each, every
person staying at one of them for the week, every journey at the airport `KGL`, a fleet of 45 vehicles):
`check` cold and with the cache off, and `baraza export logistics` (rooming lists, a transfer list per day). Made
by rewriting the imported people file (`place: KGL` on each journey, a `stays:` entry before `consent:`); then
the same without anyone's `sessions:` (a programme open to all), with this build only.
agenda: `baraza export agenda` of a workspace made with `init --from-schedule` from the same schedule.xml (5,000
sessions, no registrations).
pack: `gen_workload.py --sessions 883 --rooms 30 --days 2 --speakers 600 --participants N` (FOSDEM's size),
imported with `init --from-schedule` and `import registrations`, then `baraza export pack --audience participants`
into a fresh folder each run; the median CPU time (user + system) is printed too, as wall time follows the
machine's load. With several --pack-people sizes, memory can be compared across them.
--baseline: another build of baraza (say, a copy of the release binary from before a change, with its
baraza_BarazaAgenda.resources beside it); agenda and pack runs then alternate between the two binaries in one
run, and the outputs of both are compared byte for byte. Runs outside the test suite.
"""
import argparse, hashlib, os, re, shutil, statistics, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=5)
ap.add_argument("--preset", default="large", choices=["small", "medium", "large"])
ap.add_argument("--formats", default="text,json", help="check's output formats to time (default: text,json)")
ap.add_argument("--baraza", action="append", default=[],
                help="a baraza binary to time (repeat to compare builds); default: .build/release/baraza")
ap.add_argument("--work", default=None, help="folder for the workload and workspace (default: a temporary folder)")
ap.add_argument("--workload-script", default=None, help="gen_workload.py (default: ../shared/bench/gen_workload.py)")
ap.add_argument("--parts", default="check,agenda,pack", help="which workloads (default: check,agenda,pack)")
ap.add_argument("--pack-people", default="1000", help="participants of the pack workloads (default: 1000)")
ap.add_argument("--baseline", default=None, help="another baraza binary to alternate with (agenda and pack)")
a = ap.parse_args()
parts = set(a.parts.split(","))
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binaries = a.baraza or [os.path.join(root, ".build/release/baraza")]
for binary in binaries:
    if not os.path.exists(binary):
        sys.exit(f"{binary}: build first: swift build -c release --product baraza")
baraza = binaries[-1]
script = a.workload_script or os.path.normpath(os.path.join(root, "../shared/bench/gen_workload.py"))
if not os.path.exists(script):
    script = "/work/shared/bench/gen_workload.py"
work = a.work or os.path.join(tempfile.gettempdir(), f"baraza-scale-{a.preset}")
workload, ws = os.path.join(work, "workload"), os.path.join(work, "ws")
if not os.path.exists(os.path.join(workload, "registrations.xml")):
    subprocess.run([sys.executable, script, "--out", workload, "--preset", a.preset], check=True)
if parts & {"check", "logistics"} and not os.path.exists(os.path.join(ws, "registrations")):
    shutil.rmtree(ws, ignore_errors=True)
    subprocess.run([baraza, "init", ws, "--from-schedule", os.path.join(workload, "schedule.xml")], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([baraza, "import", "registrations", os.path.join(workload, "registrations.xml"), "--into", ws],
                   check=True, stdout=subprocess.DEVNULL)


def run_once(args, env, binary=baraza):
    p = subprocess.run(["/usr/bin/time", "-v", binary] + args, capture_output=True, cwd=root,
                       env={**os.environ, **env})
    err = p.stderr.decode(errors="replace")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", err).group(1)
    parts = [float(x) for x in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    cpu = sum(float(re.search(rf"{k} time \(seconds\): (\S+)", err).group(1)) for k in ("User", "System"))
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024
    if p.returncode not in (0, 1):
        sys.exit(f"baraza {' '.join(args)} failed:\n{err}")
    return seconds, peak, p.returncode, p.stdout, cpu


def measure(jobs):
    """Each job (label, binary, args, env, before) run `a.runs` times, interleaved round by round; prints the median
    wall and cpu time and the largest peak of each; returns each job's (exit status, output)."""
    samples = {job[0]: [] for job in jobs}
    loads = {}
    for _ in range(a.runs):
        for label, binary, args, env, before in jobs:
            if before:
                before()
            loads.setdefault(label, []).append(load())
            samples[label].append(run_once(args, env, binary))
    results = []
    for label, *_ in jobs:
        runs = samples[label]
        outputs = {(code, out) for _, _, code, out, _ in runs}
        (code, out), = outputs if len(outputs) == 1 else (sys.exit(f"{label}: runs differ"),)
        print(f"  {label:44s} {statistics.median(r[0] for r in runs):7.3f} s  cpu "
              f"{statistics.median(r[4] for r in runs):7.3f} s  peak {max(r[1] for r in runs):7.1f} MB  exit {code}"
              f"  ({len(out)} bytes; load average {min(loads[label]):.1f} to {max(loads[label]):.1f})")
        results.append((code, out))
    return results


def load():
    return os.getloadavg()[0]


def tree_digest(folder):
    """Path and SHA-256 of every file under `folder`."""
    found = {}
    for d, _, fs in os.walk(folder):
        for f in fs:
            path = os.path.join(d, f)
            found[os.path.relpath(path, folder)] = hashlib.sha256(open(path, "rb").read()).hexdigest()
    return found


def alternate(label, args, out, with_baseline=True):
    """Runs `args --out <folder>` with this build (and --baseline, in turn); medians, CPU, peaks, loads."""
    baseline = a.baseline if with_baseline else None
    binaries = [("this build", baraza)] + ([("baseline", baseline)] if baseline else [])
    results = {name: ([], [], [], []) for name, _ in binaries}
    digests = {}
    for _ in range(a.runs):
        for name, binary in binaries:
            folder = f"{out}-{'this' if binary == baraza else 'baseline'}"
            shutil.rmtree(folder, ignore_errors=True)
            before = load()
            t, m, _, _, cpu = run_once(args + ["--out", folder], {}, binary)
            for values, value in zip(results[name], (t, m, cpu, before)):
                values.append(value)
            digests[name] = tree_digest(folder)
            shutil.rmtree(folder, ignore_errors=True)
    for name, (times, peaks, cpus, loads) in results.items():
        print(f"  {label} ({name}): {statistics.median(times):7.3f} s wall, {statistics.median(cpus):7.3f} s CPU, "
              f"peak {max(peaks):6.1f} MB; load average before the runs {min(loads):.1f} to {max(loads):.1f}; "
              f"{len(digests[name])} files")
    if baseline:
        this, base = digests["this build"], digests["baseline"]
        differ = sorted(k for k in this.keys() | base.keys() if this.get(k) != base.get(k))
        print(f"  {label}: same files, byte for byte, from both builds: {not differ}"
              + (f" ({len(differ)} differ, e.g. {differ[0]})" if differ else ""))


if "check" in parts:
    cache = os.path.join(ws, ".baraza", "cache")
    drop = lambda: shutil.rmtree(cache, ignore_errors=True)
    # An edit of the sessions' file (a comment line added, or removed again): the kept result no longer matches,
    # the people file's snapshot (each round's cold run, just before, wrote it) still does.
    sessions_file = os.path.join(ws, "schedule", "schedule.xml.yaml")
    edit_mark = b"# an edit between two checks\n"

    def edit_sessions(restore=False):
        text = open(sessions_file, "rb").read()
        edited = text[:-len(edit_mark)] if text.endswith(edit_mark) else (text if restore else text + edit_mark)
        open(sessions_file, "wb").write(edited)
    print(f"baraza check, {a.preset} workload ({ws}), release build, median of {a.runs} runs; "
          f"load average {os.getloadavg()[0]:.2f}")
    for fmt in a.formats.split(","):
        args = ["check", ws, "--format", fmt]
        results = measure([job for k, binary in enumerate(binaries) for job in [
            (f"{fmt}: cache off [{k}]", binary, args, {"BARAZA_CACHE": "off"}, None),
            (f"{fmt}: cold (cache removed) [{k}]", binary, args, {}, drop),
            (f"{fmt}: sessions edited [{k}]", binary, args, {}, edit_sessions)]])
        for k, binary in enumerate(binaries):
            drop()
            run_once(args, {}, binary)
            results += measure([(f"{fmt}: warm (nothing changed) [{k}]", binary, args, {}, None)])
        edit_sessions(restore=True)
        same = len(set(results)) == 1
        print(f"  {fmt}: same bytes and exit status with and without the cache"
              f"{' and across the builds' if len(binaries) > 1 else ''}: {same}")
    for k, binary in enumerate(binaries):
        print(f"  [{k}] {binary}")
    print(f"  load average after: {os.getloadavg()[0]:.2f}")

if "logistics" in parts:
    logistics_ws = os.path.join(work, "logistics-ws")
    if not os.path.exists(os.path.join(logistics_ws, "hotels.yaml")):
        shutil.rmtree(logistics_ws, ignore_errors=True)
        shutil.copytree(ws, logistics_ws, ignore=shutil.ignore_patterns(".baraza"))
        event = os.path.join(logistics_ws, "event.yaml")
        text = open(event, encoding="utf-8").read()
        open(event, "w", encoding="utf-8").write(
            text.replace("  - registrations.yaml\n", "  - registrations.yaml\n  - hotels.yaml\n  - logistics.yaml\n"))
        hotels = ["h1", "h2", "h3", "h4", "h5", "h6"]
        with open(os.path.join(logistics_ws, "hotels.yaml"), "w", encoding="utf-8") as f:
            f.write("hotels:\n")
            for h in hotels:
                f.write(f"  - id: {h}\n    name: Hotel {h[1:]}\n    check_in: \"14:00\"\n    check_out: \"11:00\"\n"
                        f"    blocks:\n      - {{ room_type: single, rooms: 17000, first_night: 2022-11-21, "
                        f"last_night: 2022-11-25 }}\n")
        with open(os.path.join(logistics_ws, "logistics.yaml"), "w", encoding="utf-8") as f:
            f.write("logistics:\n  vehicles:\n    - { id: coaster, name: Coaster, capacity: 22, count: 40 }\n"
                    "    - { id: van, name: Van, capacity: 6, accessible: true, count: 5 }\n  transfers:\n"
                    "    places:\n      - { id: KGL, name: Kigali International Airport, timezone: Africa/Kigali }\n"
                    "    travel:\n" + "".join(f"      - {{ from: KGL, to: {h}, minutes: {15 + 5 * i} }}\n"
                                                for i, h in enumerate(hotels)))
        people = os.path.join(logistics_ws, "registrations", "registrations.xml.people.yaml")
        text = open(people, encoding="utf-8").read()
        text = re.sub(r'(\{ direction: (?:arrival|departure), time: "[^"]+") \}', r"\1, place: KGL }", text)
        chunks = text.split("\n  - id: ")
        for i in range(1, len(chunks)):
            stay = (f"\n    stays:\n      - {{ hotel: {hotels[i % 6]}, check_in: 2022-11-21, check_out: 2022-11-26, "
                    f"room_type: single }}\n    consent:")
            chunks[i] = chunks[i].replace("\n    consent:", stay, 1)
        open(people, "w", encoding="utf-8").write("\n  - id: ".join(chunks))
    print(f"baraza check and export logistics, {a.preset} workload with hotels and transfers ({logistics_ws}), "
          f"release build, median of {a.runs} runs")
    args = ["check", logistics_ws]
    cache = os.path.join(logistics_ws, ".baraza", "cache")
    results = measure([job for k, binary in enumerate(binaries) for job in [
        (f"check: cache off [{k}]", binary, args, {"BARAZA_CACHE": "off"}, None),
        (f"check: cold (cache removed) [{k}]", binary, args, {}, lambda: shutil.rmtree(cache, ignore_errors=True))]])
    print(f"  check: same bytes and exit status with and without the cache"
          f"{' and across the builds' if len(binaries) > 1 else ''}: {len(set(results)) == 1}")
    alternate("export logistics", ["export", "logistics", logistics_ws], os.path.join(work, "logistics-out"))
    # The same without sign-ups (an imported programme open to all): every session is everyone's. This build only:
    # builds before 2026-12-07 ran out of memory on it.
    open_ws = os.path.join(work, "logistics-open-ws")
    if not os.path.exists(os.path.join(open_ws, "hotels.yaml")):
        shutil.rmtree(open_ws, ignore_errors=True)
        shutil.copytree(logistics_ws, open_ws, ignore=shutil.ignore_patterns(".baraza"))
        people = os.path.join(open_ws, "registrations", "registrations.xml.people.yaml")
        lines = open(people, encoding="utf-8").read().split("\n")
        open(people, "w", encoding="utf-8").write("\n".join(l for l in lines if not l.startswith("    sessions: [")))
    print(f"  without sign-ups ({open_ws}), this build only:")
    measure([("check, no sign-ups: cache off", baraza, ["check", open_ws], {"BARAZA_CACHE": "off"}, None)])
    alternate("export logistics, no sign-ups", ["export", "logistics", open_ws], os.path.join(work, "open-out"),
              with_baseline=False)

if "agenda" in parts:
    agenda_ws = os.path.join(work, "agenda-ws")
    if not os.path.exists(os.path.join(agenda_ws, "event.yaml")):
        shutil.rmtree(agenda_ws, ignore_errors=True)
        subprocess.run([baraza, "init", agenda_ws, "--from-schedule", os.path.join(workload, "schedule.xml")],
                       check=True, stdout=subprocess.DEVNULL)
    print(f"baraza export agenda, {a.preset} schedule ({agenda_ws}), release build, median of {a.runs} runs")
    alternate("agenda", ["export", "agenda", agenda_ws], os.path.join(work, "agenda-out"))

if "pack" in parts:
    for people in [int(n) for n in a.pack_people.split(",")]:
        pack_work = os.path.join(tempfile.gettempdir(), f"baraza-scale-packs-{people}")
        pack_workload, pack_ws = os.path.join(pack_work, "workload"), os.path.join(pack_work, "ws")
        if not os.path.exists(os.path.join(pack_workload, "registrations.xml")):
            subprocess.run([sys.executable, script, "--out", pack_workload, "--sessions", "883", "--rooms", "30",
                            "--days", "2", "--speakers", "600", "--participants", str(people)], check=True)
        if not os.path.exists(os.path.join(pack_ws, "registrations")):
            shutil.rmtree(pack_ws, ignore_errors=True)
            subprocess.run([baraza, "init", pack_ws, "--from-schedule", os.path.join(pack_workload, "schedule.xml")],
                           check=True, stdout=subprocess.DEVNULL)
            subprocess.run([baraza, "import", "registrations", os.path.join(pack_workload, "registrations.xml"),
                            "--into", pack_ws], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"baraza export pack --audience participants, {people} participants ({pack_ws}), release build, "
              f"median of {a.runs} runs")
        alternate(f"packs, {people} people", ["export", "pack", pack_ws, "--audience", "participants"],
                  os.path.join(pack_work, "out"))
