#!/usr/bin/env python3
"""OR-Tools CP-SAT on a `baraza propose` bench instance: the same sessions, candidates, hard and soft constraints.

    python3 bench/propose_cpsat.py /tmp/propose-bench/tf-216/instance.json --time-limit 5 --out placements.yaml

Reads the instance.json bench/propose_gen.py wrote beside the workspace, builds a time-indexed model (one boolean
per session, start and room among the candidates the workspace allows), solves it with CP-SAT on every core for
at most --time-limit seconds, and writes the best placements as a `placements:` file the workspace can include
(bench/propose_bench.py then has `baraza` check and score them, so both solvers are judged by the same code).
Prints one JSON line: time to the first feasible solution and to the last improvement (seconds since this script
started, model building included), CP-SAT's objective and bound, and its status.

The candidates are computed here independently of Baraza, from the same rules: starts on the grid (minutes from
midnight on the venue's clock) inside the venue's opening hours (or the default hours online), the session's days
and time window, on event days (in the event's zone); presenters' availability; every attendee's arrival and
departure with the buffer for in-person sessions; rooms with the seats and equipment needed. Hard: one place per
session, rooms and presenters never double-booked, travel time between venues for one presenter (on every pair of
their sessions, which is what the consecutive-pairs rule amounts to with venue travel times that obey the triangle
inequality), `after:`, `not_parallel_with_tags:`. Soft, with the instance's weights and Baraza's units: waking
hours at home for online sessions, overlap of participants' sign-ups, language left out, crowding (people beyond
three quarters of the seats), rooms per track and day, days per speaker, plenaries in parallel, meals and breaks
outside their times.
"""
import argparse, datetime, json, math, sys, time
from zoneinfo import ZoneInfo

T0 = time.monotonic()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("instance")
    ap.add_argument("--time-limit", type=float, default=10.0)
    ap.add_argument("--workers", type=int, default=0, help="CP-SAT search workers (0: one per core)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    from ortools.sat.python import cp_model

    inst = json.load(open(args.instance))
    ev = inst["event"]
    ezone = ZoneInfo(ev["zone"])
    first = datetime.date.fromisoformat(ev["first_day"])
    last = datetime.date.fromisoformat(ev["last_day"])
    grid = inst["grid"]
    buffer = inst["arrival_buffer"]
    weights = inst["weights"]
    people = {p["id"]: p for p in inst["people"]}
    venues = {v["id"]: v for v in inst["venues"]}
    rooms = {r["id"]: (v["id"], r) for v in inst["venues"] for r in v["rooms"]}
    travel = {}
    for x, y, m in inst["travel"]:
        travel[(x, y)] = travel[(y, x)] = m

    def epoch(local, zone):
        """Seconds since 1970 of a local reading, or None when it does not exist or happens twice."""
        z = ZoneInfo(zone)
        first_reading = local.replace(tzinfo=z, fold=0)
        second_reading = local.replace(tzinfo=z, fold=1)
        if first_reading.utcoffset() != second_reading.utcoffset():
            return None
        back = first_reading.astimezone(datetime.timezone.utc).astimezone(z).replace(tzinfo=None)
        if back != local:
            return None
        return int(first_reading.timestamp())

    def window(text):
        o, c = text.split("-")
        oh, om = map(int, o.split(":"))
        ch, cm = map(int, c.split(":"))
        return oh * 60 + om, ch * 60 + cm

    def span(win, date, zone):
        o, c = window(win)
        cdate = date + datetime.timedelta(days=1) if c <= o else date
        opens = datetime.datetime.combine(date, datetime.time(o // 60, o % 60))
        closes = datetime.datetime.combine(cdate, datetime.time(c // 60, c % 60))
        z = ZoneInfo(zone)
        return int(opens.replace(tzinfo=z).timestamp()), int(closes.replace(tzinfo=z).timestamp())

    def holds(win, start, end, zone):
        d = datetime.datetime.fromtimestamp(start, ZoneInfo(zone)).date()
        for date in (d, d - datetime.timedelta(days=1)):
            a, b = span(win, date, zone)
            if a <= start and end <= b:
                return True
        return False

    def iso(text, zone):
        return int(datetime.datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(zone)).timestamp())

    def minutes_outside(start, end, windows, zone):
        d = datetime.datetime.fromtimestamp(start, ZoneInfo(zone)).date()
        best = 0
        for w in windows:
            for date in (d, d - datetime.timedelta(days=1)):
                a, b = span(w, date, zone)
                best = max(best, max(0, min(b, end) - max(a, start)) // 60)
        return (end - start) // 60 - best

    def waking_outside(start, end, zone):
        z = ZoneInfo(zone)
        inside = 0
        d = datetime.datetime.fromtimestamp(start, z).date() - datetime.timedelta(days=1)
        lastd = datetime.datetime.fromtimestamp(end, z).date()
        while d <= lastd:
            a, b = span(inst["waking_hours"], d, zone)
            inside += max(0, min(b, end) - max(a, start)) // 60
            d += datetime.timedelta(days=1)
        return (end - start) // 60 - inside

    sessions = inst["sessions"]
    index = {s["id"]: i for i, s in enumerate(sessions)}
    headcount = [len(set(s["signups"])) or s.get("expected", 0) for s in sessions]
    attendees = [list(dict.fromkeys(s["speakers"] + s["signups"])) for s in sessions]

    # Candidates: (start, room or None, venue or None) per session.
    cands = []
    for i, s in enumerate(sessions):
        if s.get("room"):
            places = [(rooms[s["room"]][0], [s["room"]])]
        elif s.get("venue"):
            v = venues[s["venue"]]
            places = [(v["id"], [r["id"] for r in v["rooms"]] or [None])]
        elif s["kind"] == "online":
            places = [(v["id"], [r["id"] for r in v["rooms"]] or [None]) for v in inst["venues"] if v["online"]]
        else:
            places = [(v["id"], [r["id"] for r in v["rooms"]]) for v in inst["venues"] if not v["online"] and v["rooms"]]
        out = []
        for vid, rlist in places:
            v = venues[vid]
            online = v["online"] or s["kind"] == "online"
            zone = ev["zone"] if v["online"] else v["zone"]
            hours = inst["default_hours"] if v["online"] else v["open"]
            keep = []
            for r in rlist:
                if r is None:
                    if s["requires"]:
                        continue
                    keep.append(r)
                    continue
                room = rooms[r][1]
                if headcount[i] > room["capacity"] or any(q not in room["equipment"] for q in s["requires"]):
                    continue
                keep.append(r)
            if not keep:
                continue
            date = first - datetime.timedelta(days=1)
            while date <= last + datetime.timedelta(days=1):
                for m in range(0, 1440, grid):
                    local = datetime.datetime.combine(date, datetime.time(m // 60, m % 60))
                    t = epoch(local, zone)
                    if t is None:
                        continue
                    e = t + s["minutes"] * 60
                    eday = datetime.datetime.fromtimestamp(t, ezone).date()
                    if not (first <= eday <= last):
                        continue
                    if not holds(hours, t, e, zone):
                        continue
                    if s.get("days") and datetime.datetime.fromtimestamp(t, ZoneInfo(zone)).date().isoformat() not in s["days"]:
                        continue
                    if s.get("window") and not holds(s["window"], t, e, zone):
                        continue
                    ok = True
                    for p in s["speakers"]:
                        av = people[p].get("availability")
                        if av and not any(iso(x, ev["zone"]) <= t and e <= iso(y, ev["zone"]) for x, y in av):
                            ok = False
                    if not online:
                        for p in attendees[i]:
                            if "arrival" in people[p] and t - iso(people[p]["arrival"], ev["zone"]) < buffer * 60:
                                ok = False
                            if "departure" in people[p] and iso(people[p]["departure"], ev["zone"]) - e < buffer * 60:
                                ok = False
                    if ok:
                        for r in keep:
                            out.append((t, r, vid))
                date += datetime.timedelta(days=1)
        cands.append(out)
    empty = [sessions[i]["id"] for i, c in enumerate(cands) if not c]
    if empty:
        print(json.dumps({"status": "INFEASIBLE (no candidate)", "sessions": empty}))
        sys.exit(1)

    model = cp_model.CpModel()
    x = [{c: model.NewBoolVar(f"x{i}_{k}") for k, c in enumerate(cs)} for i, cs in enumerate(cands)]
    for i in range(len(sessions)):
        model.AddExactlyOne(x[i].values())
    # y[i][t]: session i starts at t (any room); cover[i][p]: i runs over grid point p.
    y = []
    for i in range(len(sessions)):
        by = {}
        for (t, r, v), var in x[i].items():
            by.setdefault(t, []).append(var)
        yi = {}
        for t, vs in by.items():
            if len(vs) == 1:
                yi[t] = vs[0]
            else:
                yi[t] = model.NewBoolVar("")
                model.Add(yi[t] == sum(vs))
        y.append(yi)
    step = grid * 60

    def cover(i):
        c = {}
        for t, var in y[i].items():
            for p in range(t, t + sessions[i]["minutes"] * 60, step):
                c.setdefault(p, []).append(var)
        return c
    covers = [cover(i) for i in range(len(sessions))]
    # Rooms.
    by_room = {}
    for i in range(len(sessions)):
        for (t, r, v), var in x[i].items():
            if r is None:
                continue
            for p in range(t, t + sessions[i]["minutes"] * 60, step):
                by_room.setdefault((r, p), []).append(var)
    for vs in by_room.values():
        if len(vs) > 1:
            model.AddAtMostOne(vs)
    # Presenters.
    presented = {}
    for i, s in enumerate(sessions):
        for p in dict.fromkeys(s["speakers"]):
            presented.setdefault(p, []).append(i)
    for p, mine in presented.items():
        if len(mine) < 2:
            continue
        points = {}
        for i in mine:
            for pt, vs in covers[i].items():
                points.setdefault(pt, []).extend(vs)
        for vs in points.values():
            if len(vs) > 1:
                model.AddAtMostOne(vs)
        # Travel between venues.
        if travel:
            for ai in range(len(mine)):
                for bi in range(len(mine)):
                    a, b = mine[ai], mine[bi]
                    if a == b:
                        continue
                    va = {}
                    for (t, r, v), var in x[a].items():
                        va.setdefault((t, v), []).append(var)
                    vb = {}
                    for (t, r, v), var in x[b].items():
                        vb.setdefault((t, v), []).append(var)
                    for (ta, pa), la in va.items():
                        ea = ta + sessions[a]["minutes"] * 60
                        for (tb, pb), lb in vb.items():
                            need = travel.get((pa, pb))
                            if pa != pb and need is not None and 0 <= tb - ea < need * 60:
                                model.Add(sum(la) + sum(lb) <= 1)
    # Order and shared audiences.
    start = []
    for i in range(len(sessions)):
        sv = model.NewIntVar(min(y[i]), max(y[i]), f"start{i}")
        model.Add(sv == sum(t * var for t, var in y[i].items()))
        start.append(sv)
    for i, s in enumerate(sessions):
        for o in s["after"]:
            j = index[o]
            model.Add(start[i] >= start[j] + sessions[j]["minutes"] * 60)
    tagged = {}
    for i, s in enumerate(sessions):
        for t in s["tags"]:
            tagged.setdefault(t, []).append(i)
    for i, s in enumerate(sessions):
        for t in s["not_parallel_tags"]:
            for j in tagged.get(t, []):
                if j == i:
                    continue
                for pt, vs in covers[i].items():
                    if pt in covers[j]:
                        model.Add(sum(vs) + sum(covers[j][pt]) <= 1)

    # Soft constraints.
    objective = []
    W = lambda name: weights.get(name, 0)
    for i, s in enumerate(sessions):
        for (t, r, vid), var in x[i].items():
            v = venues[vid]
            e = t + s["minutes"] * 60
            cost = 0
            if v["online"] or s["kind"] == "online":
                out = sum(waking_outside(t, e, people[p]["zone"]) for p in attendees[i])
                cost += W("waking-hours") * out
            wins = inst["meal_times"] if s["kind"] == "meal" else inst["break_times"] if s["kind"] == "break" else []
            if wins:
                cost += W("meal-times") * minutes_outside(t, e, wins, ev["zone"] if v["online"] else v["zone"])
            interp = set(rooms[r][1]["interpretation"]) if r else set()
            if s.get("language"):
                covered = {s["language"]} | interp
                left = sum(1 for p in dict.fromkeys(s["signups"]) if people[p]["languages"] and not covered & set(people[p]["languages"]))
                cost += W("language") * left * s["minutes"]
            if r:
                cap = rooms[r][1]["capacity"]
                cost += W("popular-rooms") * max(0, headcount[i] - (3 * cap + 3) // 4)
            if cost:
                objective.append(cost * var)
    # Overlap of sign-ups (people presenting both do not count) and plenaries in parallel, point by point.
    pairs = {}
    by_person = {}
    for i, s in enumerate(sessions):
        for p in dict.fromkeys(s["signups"]):
            by_person.setdefault(p, []).append(i)
    for p, mine in by_person.items():
        for ai in range(len(mine)):
            for bi in range(ai + 1, len(mine)):
                a, b = mine[ai], mine[bi]
                if p in sessions[a]["speakers"] and p in sessions[b]["speakers"]:
                    continue
                pairs[(a, b)] = pairs.get((a, b), 0) + 1
    plen = [i for i, s in enumerate(sessions) if s["kind"] == "plenary"]
    for i in plen:
        for j in range(len(sessions)):
            if j != i and not (sessions[j]["kind"] == "plenary" and j < i):
                key = (min(i, j), max(i, j))
                pairs.setdefault(key, 0)
    for (a, b), k in pairs.items():
        w = k * W("participant-overlap")
        if sessions[a]["kind"] == "plenary" or sessions[b]["kind"] == "plenary":
            w += W("plenary-alone")
        if w == 0:
            continue
        for pt, va in covers[a].items():
            vb = covers[b].get(pt)
            if not vb:
                continue
            z = model.NewBoolVar("")
            model.Add(z >= sum(va) + sum(vb) - 1)
            objective.append(w * grid * z)
    # Days per speaker, rooms per track and day.
    def dayof(t):
        return datetime.datetime.fromtimestamp(t, ezone).date()
    if W("speaker-days"):
        for p, mine in presented.items():
            if len(mine) < 2:
                continue
            days = {}
            for i in mine:
                for t, var in y[i].items():
                    days.setdefault(dayof(t), []).append(var)
            used = []
            for d, vs in days.items():
                u = model.NewBoolVar("")
                for var in vs:
                    model.AddImplication(var, u)
                used.append(u)
            extra = model.NewIntVar(0, len(used), "")
            model.Add(extra >= sum(used) - 1)
            objective.append(W("speaker-days") * extra)
    if W("track-room"):
        for tag, mine in tagged.items():
            per = {}
            for i in mine:
                for (t, r, v), var in x[i].items():
                    if r:
                        per.setdefault(dayof(t), {}).setdefault(r, []).append(var)
            for d, byr in per.items():
                used = []
                for r, vs in byr.items():
                    u = model.NewBoolVar("")
                    for var in vs:
                        model.AddImplication(var, u)
                    used.append(u)
                if len(used) > 1:
                    extra = model.NewIntVar(0, len(used), "")
                    model.Add(extra >= sum(used) - 1)
                    objective.append(W("track-room") * extra)
    model.Minimize(sum(objective))
    built = time.monotonic() - T0

    class Watch(cp_model.CpSolverSolutionCallback):
        def __init__(self):
            super().__init__()
            self.first = None
            self.last = None
            self.count = 0

        def on_solution_callback(self):
            now = time.monotonic() - T0
            if self.first is None:
                self.first = now
            self.last = now
            self.count += 1

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = args.time_limit
    solver.parameters.num_workers = args.workers
    solver.parameters.random_seed = args.seed
    watch = Watch()
    status = solver.Solve(model, watch)
    name = solver.StatusName(status)
    result = {"status": name, "build_seconds": round(built, 3), "first_feasible": watch.first,
              "last_improvement": watch.last, "solutions": watch.count,
              "total_seconds": round(time.monotonic() - T0, 3)}
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        result["objective"] = solver.ObjectiveValue()
        result["bound"] = solver.BestObjectiveBound()
        with open(args.out, "w") as f:
            f.write("placements:\n")
            for i, s in enumerate(sessions):
                for (t, r, vid), var in x[i].items():
                    if solver.Value(var):
                        v = venues[vid]
                        zone = ev["zone"] if v["online"] else v["zone"]
                        local = datetime.datetime.fromtimestamp(t, ZoneInfo(zone)).strftime("%Y-%m-%dT%H:%M")
                        f.write(f"  - {{ session: {s['id']}, start: {local}, venue: {vid}" + (f", room: {r}" if r else "") + " }\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
