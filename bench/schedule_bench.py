#!/usr/bin/env python3
"""Times `baraza init --from-schedule` (release build) on the generated workload's schedule.xml and on its JSON
twin (the same schedule written as frab/pretalx schedule.json by this script), to compare the streamed XML reader
with the whole-document JSON reader. Median wall time over the runs and the largest peak resident memory
(/usr/bin/time -v). Runs outside the test suite.

    swift build -c release --product baraza
    python3 bench/schedule_bench.py [--runs 5] [--preset large]

The workload comes from /work/shared/bench/gen_workload.py (deterministic; cached under the temp folder).
"""
import argparse, json, os, re, shutil, statistics, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=5)
ap.add_argument("--preset", default="large")
ap.add_argument("--generator", default="/work/shared/bench/gen_workload.py")
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
baraza = os.path.join(root, ".build/release/baraza")
if not os.path.exists(baraza):
    sys.exit("build first: swift build -c release --product baraza")

work = os.path.join(tempfile.gettempdir(), f"baraza-import-bench-{a.preset}")
xml_path = os.path.join(work, "schedule.xml")
if not os.path.exists(xml_path):
    subprocess.run([sys.executable, a.generator, "--preset", a.preset, "--out", work], check=True)


def to_json(xml_file, json_file):
    """The same schedule as schedule.json: conference, days, rooms keyed by name, events with persons."""
    r = ET.parse(xml_file).getroot()
    c = r.find("conference")
    conf = {k: c.findtext(k) for k in ["acronym", "title", "start", "end", "time_zone_name", "timeslot_duration"]}
    conf["rooms"] = [{"name": n} for n in dict.fromkeys(rm.get("name") for rm in r.iter("room") if rm.get("name"))]
    conf["days"] = []
    for day in r.findall("day"):
        d = {"index": int(day.get("index")), "date": day.get("date"), "day_start": day.get("start"),
             "day_end": day.get("end"), "rooms": {}}
        for room in day.findall("room"):
            events = d["rooms"].setdefault(room.get("name"), [])
            for e in room.findall("event"):
                ev = {"id": int(e.get("id")), "guid": e.get("guid")}
                for k in ["date", "start", "duration", "room", "slug", "title", "subtitle", "track", "type",
                          "language", "abstract", "description"]:
                    ev[k] = e.findtext(k) or ""
                persons = e.find("persons")
                ev["persons"] = [{"id": int(p.get("id")), "public_name": p.text}
                                 for p in (persons if persons is not None else [])]
                events.append(ev)
        conf["days"].append(d)
    with open(json_file, "w", encoding="utf-8") as f:
        json.dump({"schedule": {"version": r.findtext("version"), "conference": conf}}, f, ensure_ascii=False)


json_path = os.path.join(tempfile.gettempdir(), f"baraza-schedule-bench-{a.preset}.schedule.json")
if not os.path.exists(json_path):
    to_json(xml_path, json_path)


def timed(cmd):
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(p.stderr)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", p.stderr).group(1)
    minutes, seconds = wall.split(":")[-2:]
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    return float(minutes) * 60 + float(seconds), rss


for label, path in [("schedule.xml", xml_path), ("schedule.json", json_path)]:
    walls, peaks = [], []
    for _ in range(a.runs):
        target = tempfile.mkdtemp(prefix="baraza-schedule-bench-")
        wall, rss = timed([baraza, "init", os.path.join(target, "ws"), "--from-schedule", path])
        walls.append(wall)
        peaks.append(rss)
        shutil.rmtree(target)
    size = os.path.getsize(path) / 1e6
    print(f"{label:>14} ({size:.1f} MB): median {statistics.median(walls):.2f} s over {a.runs} runs, "
          f"peak RSS {max(peaks) / 1024:.0f} MB")
