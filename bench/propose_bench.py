#!/usr/bin/env python3
"""`baraza propose` against OR-Tools CP-SAT, side by side, on the same generated instances and time limits.

    make bench-propose       # or: python3 bench/propose_bench.py [--runs 3] [--only tf-216,network] [--limit 5]

For each instance bench/propose_gen.py writes (Timefold-shaped sets tf-18 ... tf-216, the network's final event,
the 5,000-session stress instance), runs in turn:
  - `baraza propose <workspace> --alone --timings --time-limit T` (release build, default seed and effort);
  - `python3 bench/propose_cpsat.py instance.json --time-limit T` (CP-SAT on every core, the same candidates and
    constraints; T is its solving time, model building comes on top);
then has `baraza` judge CP-SAT's placements with the same code as its own: the workspace with them included is
checked (`baraza check`: errors) and scored (`baraza propose --keep-placed --effort 0`: the soft penalty of the
placements as they are). Prints, per instance and solver: time to the first feasible placement and in all (seconds
since the command started, loading and model building included; medians over --runs), hard violations, the soft
penalty, peak resident memory (/usr/bin/time -v). Installs ortools with pip when it is missing.
"""
import argparse, json, os, re, shutil, statistics, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BARAZA = os.path.join(ROOT, ".build/release/baraza")
LIMITS = {"tf-18": 5, "tf-36": 5, "tf-72": 5, "tf-108": 5, "tf-216": 5, "network": 5, "stress": 60}


def timed(args, cwd=ROOT):
    p = subprocess.run(["/usr/bin/time", "-v"] + args, capture_output=True, text=True, cwd=cwd)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", p.stderr).group(1)
    parts = [float(x) for x in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    return p, seconds, peak


def number(pattern, text, default=None):
    m = re.search(pattern, text)
    return float(m.group(1)) if m else default


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", default="")
    ap.add_argument("--limit", type=float, help="one time limit for every instance (seconds)")
    ap.add_argument("--out", default="/tmp/propose-bench")
    a = ap.parse_args()
    if not os.path.exists(BARAZA):
        sys.exit("build first: swift build -c release --product baraza")
    try:
        import ortools  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "ortools>=9.10"], check=True)
    names = [n for n in LIMITS if not a.only or n in a.only.split(",")]
    rows = []
    for name in names:
        limit = a.limit or LIMITS[name]
        ws = os.path.join(a.out, name)
        shutil.rmtree(ws, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/propose_gen.py"), "--shape", name, "--out", ws],
                       check=True)
        sessions = len(json.load(open(os.path.join(ws, "instance.json")))["sessions"])
        # Baraza.
        ours = []
        for _ in range(a.runs):
            draft = os.path.join(ws, "proposed.yaml")
            if os.path.exists(draft):
                os.remove(draft)
            p, seconds, peak = timed([BARAZA, "propose", ws, "--alone", "--timings", "--time-limit", f"{limit}s"])
            load = number(r"load ([\d.]+) s", p.stderr, 0.0)
            first = number(r"first feasible ([\d.]+) s", p.stderr)
            ours.append({"total": seconds, "peak": peak, "first": None if first is None else load + first,
                         "soft": number(r"soft penalty: (\d+)", p.stdout), "exit": p.returncode,
                         "placed": re.search(r"Placed (\d+ of \d+)", p.stdout).group(1),
                         "hard": number(r"hard violations: (\d+)", p.stdout), "note": "stopped by the time limit" in p.stdout})
        rows.append(summarise(name, sessions, "baraza propose", limit, ours))
        # CP-SAT.
        theirs = []
        for _ in range(a.runs):
            out = os.path.join(a.out, f"{name}-cpsat.yaml")
            if os.path.exists(out):
                os.remove(out)
            p, seconds, peak = timed([sys.executable, os.path.join(ROOT, "bench/propose_cpsat.py"),
                                      os.path.join(ws, "instance.json"), "--time-limit", str(limit), "--out", out])
            result = json.loads(p.stdout.strip().splitlines()[-1]) if p.stdout.strip() else {"status": p.stderr[-200:]}
            run = {"total": seconds, "peak": peak, "first": result.get("first_feasible"), "soft": None, "hard": None,
                   "placed": "-", "status": result.get("status"), "note": False}
            if os.path.exists(out):
                judged = judge(ws, out)
                run.update(judged)
            theirs.append(run)
        rows.append(summarise(name, sessions, "OR-Tools CP-SAT", limit, theirs))
    print(f"\nbaraza propose vs OR-Tools CP-SAT, medians of {a.runs} runs (time since the command started)")
    print(f"{'instance':9s} {'sessions':>8s}  {'solver':16s} {'limit':>6s} {'first feasible':>15s} {'total':>8s} "
          f"{'placed':>11s} {'hard':>5s} {'soft penalty':>13s} {'peak MB':>8s}")
    for r in rows:
        print(f"{r['name']:9s} {r['sessions']:8d}  {r['solver']:16s} {r['limit']:5.0f}s {r['first']:>15s} "
              f"{r['total']:7.2f}s {r['placed']:>11s} {r['hard']:>5s} {r['soft']:>13s} {r['peak']:8.0f}")
    notes = [r for r in rows if r["extra"]]
    for r in notes:
        print(f"  {r['name']} {r['solver']}: {r['extra']}")


def judge(ws, placements):
    """CP-SAT's placements judged by baraza: errors of `baraza check`, and the soft penalty of the placements."""
    copy = ws + "-cpsat"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(ws, copy)
    shutil.copy(placements, os.path.join(copy, "placements.yaml"))
    event = os.path.join(copy, "event.yaml")
    text = open(event).read().replace("include: [venues.yaml, people.yaml, sessions.yaml]",
                                      "include: [venues.yaml, people.yaml, sessions.yaml, placements.yaml]")
    open(event, "w").write(text)
    check = subprocess.run([BARAZA, "check", copy, "--format", "json"], capture_output=True, text=True)
    errors = json.loads(check.stdout)["summary"]["errors"] if check.stdout.strip() else None
    score = subprocess.run([BARAZA, "propose", copy, "--alone", "--keep-placed", "--effort", "0"],
                           capture_output=True, text=True)
    moved = re.search(r"moved: (\d+)", score.stdout)
    return {"hard": errors, "soft": number(r"soft penalty: (\d+)", score.stdout),
            "placed": re.search(r"Placed (\d+ of \d+)", score.stdout).group(1) if "Placed" in score.stdout else "-",
            "moved": int(moved.group(1)) if moved else None}


def summarise(name, sessions, solver, limit, runs):
    def med(key):
        values = [r[key] for r in runs if r.get(key) is not None]
        return statistics.median(values) if values else None
    first = med("first")
    soft = med("soft")
    hard = med("hard")
    extra = []
    if any(r.get("note") for r in runs):
        extra.append("the time limit cut the search short")
    status = {r.get("status") for r in runs if r.get("status")}
    if status:
        extra.append("CP-SAT status " + "/".join(sorted(status)))
    moved = {r.get("moved") for r in runs if r.get("moved")}
    if moved:
        extra.append(f"baraza's scoring moved {moved} of CP-SAT's placements (outside baraza's candidates)")
    return {"name": name, "sessions": sessions, "solver": solver, "limit": limit,
            "first": "none" if first is None else f"{first:.2f}s", "total": med("total") or 0.0,
            "placed": runs[0]["placed"], "hard": "-" if hard is None else f"{hard:.0f}",
            "soft": "-" if soft is None else f"{soft:.0f}", "peak": max(r["peak"] for r in runs),
            "extra": "; ".join(extra)}


if __name__ == "__main__":
    main()
