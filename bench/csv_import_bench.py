#!/usr/bin/env python3
"""The same registrations as ODK XML and as CSV: `baraza import registrations` (release build) of each, in turn
each round, and the people each import writes compared byte for byte (the file names aside).

    python3 bench/csv_import_bench.py [--runs 3] [--presets medium,large]

The XML comes from /work/shared/bench/gen_workload.py (cached under the temp folder, as bench/import_bench.py
does); the CSV is written from it by Python's xml.etree and csv modules, one column per element path, as a KoBo
or Ona CSV export lays them out. Prints per preset and format the median wall time, CPU time and the largest peak
resident memory (/usr/bin/time -v). Runs outside the test suite.
"""
import argparse, csv, os, re, shutil, statistics, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=3)
ap.add_argument("--presets", default="medium,large")
ap.add_argument("--generator", default="/work/shared/bench/gen_workload.py")
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
baraza = os.path.join(root, ".build/release/baraza")
if not os.path.exists(baraza):
    sys.exit("build first: swift build -c release --product baraza")


def to_csv(source, destination):
    """One row per <data> submission, one column per leaf element path (`meta/instanceID`), in first-seen order."""
    rows, columns, seen = [], [], set()
    for _, element in ET.iterparse(source, events=("end",)):
        if element.tag != "data":
            continue
        row = {}

        def walk(node, prefix):
            children = list(node)
            if not children:
                row[prefix] = node.text or ""
            for child in children:
                walk(child, f"{prefix}/{child.tag}" if prefix else child.tag)

        walk(element, "")
        for column in row:
            if column not in seen:
                seen.add(column)
                columns.append(column)
        rows.append(row)
        element.clear()
    with open(destination, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row.get(column, "") for column in columns])
    return len(rows)


def timed(cmd):
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", p.stderr).group(1)
    parts = [float(x) for x in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    cpu = sum(float(re.search(rf"{k} time \(seconds\): (\S+)", p.stderr).group(1)) for k in ("User", "System"))
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    return seconds, cpu, peak, p


print(f"registration import of the same records as ODK XML and as CSV, release build, median of {a.runs} runs")
for preset in a.presets.split(","):
    work = os.path.join(tempfile.gettempdir(), f"baraza-import-bench-{preset}")
    xml = os.path.join(work, "registrations.xml")
    if not os.path.exists(xml):
        subprocess.run([sys.executable, a.generator, "--out", work, "--preset", preset], check=True,
                       stdout=subprocess.DEVNULL)
    scratch = tempfile.mkdtemp(prefix=f"baraza-csv-bench-{preset}-")
    exports = {"xml": os.path.join(scratch, "export.xml"), "csv": os.path.join(scratch, "export.csv")}
    shutil.copy(xml, exports["xml"])
    records = to_csv(xml, exports["csv"])
    figures = {kind: ([], [], []) for kind in exports}
    for _ in range(a.runs):
        for kind, export in exports.items():
            ws = os.path.join(scratch, f"ws-{kind}")
            shutil.rmtree(ws, ignore_errors=True)
            subprocess.run([baraza, "init", ws, "--from-schedule", os.path.join(work, "schedule.xml")], check=True,
                           capture_output=True)
            os.sync()
            wall, cpu, peak, _ = timed([baraza, "import", "registrations", export, "--into", ws])
            for series, value in zip(figures[kind], (wall, cpu, peak)):
                series.append(value)
    people = {}
    for kind, export in exports.items():
        name = os.path.basename(export)
        with open(os.path.join(scratch, f"ws-{kind}", "registrations", f"{name}.people.yaml"), encoding="utf-8") as f:
            people[kind] = f.read().replace(name, "EXPORT")
    same = "byte for byte the same people" if people["xml"] == people["csv"] else "PEOPLE DIFFER"
    print(f"{preset}: {records} records; XML {os.path.getsize(exports['xml']) / 1e6:.1f} MB, "
          f"CSV {os.path.getsize(exports['csv']) / 1e6:.1f} MB; {same}")
    for kind in exports:
        wall, cpu, peak = figures[kind]
        print(f"  {kind}: {statistics.median(wall):6.2f} s wall {statistics.median(cpu):6.2f} s CPU "
              f"{max(peak):7.1f} MB peak   (rounds: {', '.join(f'{w:.2f}' for w in wall)} s)")
    shutil.rmtree(scratch, ignore_errors=True)
