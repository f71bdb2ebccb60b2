#!/usr/bin/env python3
"""Writes deterministic instances for `baraza propose` and its CP-SAT peer (bench/propose_cpsat.py).

    python3 bench/propose_gen.py --shape tf-216 --out /tmp/propose-bench/tf-216
    python3 bench/propose_gen.py --list

Each instance is written twice from one description: as a Baraza workspace (event.yaml, venues.yaml, people.yaml,
sessions.yaml; every session to be placed has no `start`) and as `instance.json`, which the CP-SAT model reads.
Shapes:
  tf-18 ... tf-216   like the published Timefold conference-scheduling sets (18 talks / 6 timeslots / 5 rooms up to
                     216 talks / 18 timeslots / 20 rooms): hour-long talks on an hourly grid, six timeslots a day,
                     speakers with unavailability, tracks, prerequisites, required room equipment, languages and
                     participants' favourites (sign-ups) that must fit the rooms, a few keynotes
  network            the network's own final event: 3 days, 2 venues (6 rooms) and an online room, 40 sessions
                     (plenaries, workshops, panels, online sessions, meals and breaks), 60 speakers in 12 zones
                     with flights in and out, a 15-minute grid
  stress             5,000 sessions in 80 rooms of 8 venues over 12 days, 30-minute grid
Same arguments, same bytes (random.Random(seed)); standard library only.
"""
import argparse, datetime, json, math, os, random

SHAPES = {
    "tf-18": (18, 6, 5), "tf-36": (36, 12, 5), "tf-72": (72, 12, 10), "tf-108": (108, 18, 10),
    "tf-216": (216, 18, 20),
}
ZONES = ["Africa/Bamako", "Africa/Casablanca", "Africa/Tunis", "Africa/Kampala", "Africa/Kigali", "Africa/Accra",
         "Africa/Lagos", "Africa/Maputo", "Africa/Niamey", "Africa/Nouakchott", "Africa/Porto-Novo", "Europe/Paris"]
FIRST = datetime.date(2027, 3, 23)


def day(n):
    return (FIRST + datetime.timedelta(days=n)).isoformat()


def timefold(name, talks, slots, rooms, rng):
    days = slots // 6
    inst = base(name, days, grid=60, zone="Africa/Kigali")
    caps = sorted((max(30, int(420 * 0.82 ** k)) for k in range(rooms)), reverse=True)
    venue = {"id": "centre", "zone": "Africa/Kigali", "open": "09:00-15:00", "online": False, "rooms": []}
    for k, cap in enumerate(caps):
        eq = ["projector"] + (["recording"] if k % 4 == 0 else []) + (["lab"] if k % 5 == 2 else [])
        venue["rooms"].append({"id": f"room-{k + 1:02d}", "capacity": cap, "equipment": eq,
                               "interpretation": ["en", "fr"] if k < 3 else []})
    inst["venues"] = [venue]
    tracks = [f"track-{t + 1}" for t in range(max(3, talks // 24))]
    speakers = [f"speaker-{k + 1:03d}" for k in range(max(4, int(talks * 0.85)))]
    people = {s: person(s, rng.choice(ZONES), rng) for s in speakers}
    keynotes = max(1, math.ceil(talks / 36))
    sessions = []
    load = {s: 0 for s in speakers}
    for t in range(talks):
        n = 2 if rng.random() < 0.2 else 1
        pool = [s for s in speakers if load[s] < max(2, slots // 4)]
        # A few prolific speakers: the first ones are drawn more often.
        chosen = []
        while len(chosen) < n:
            s = pool[min(len(pool) - 1, int(rng.paretovariate(1.2)) - 1 + rng.randrange(len(pool)) // 3)]
            if s not in chosen:
                chosen.append(s)
        for s in chosen:
            load[s] += 1
        kind = "plenary" if t < keynotes else rng.choice(["talk", "talk", "talk", "panel", "workshop"])
        sessions.append({"id": f"talk-{t + 1:03d}", "minutes": 60, "kind": kind, "speakers": chosen,
                         "tags": [rng.choice(tracks)], "language": "fr" if rng.random() < 0.3 else "en",
                         "requires": [], "after": [], "not_parallel_tags": [], "signups": []})
    for s in sessions[keynotes:]:
        r = rng.random()
        if r < 0.06:
            s["requires"] = ["recording"]
        elif r < 0.09 and any("lab" in x["equipment"] for x in venue["rooms"]):
            s["requires"] = ["lab"]
    for i, s in enumerate(sessions):
        if i > keynotes and rng.random() < 0.03:
            s["after"] = [sessions[rng.randrange(keynotes, i)]["id"]]
        if i >= keynotes and rng.random() < 0.02:
            s["not_parallel_tags"] = list(s["tags"])
    # Speaker unavailability: some speakers can come only part of the time.
    for s in speakers:
        if rng.random() < 0.15 and load[s] <= 2:
            if days > 1:
                d = rng.randrange(days)
                people[s]["availability"] = [[f"{day(d)}T08:00", f"{day(d)}T16:00"]]
            else:
                people[s]["availability"] = [[f"{day(0)}T08:00", f"{day(0)}T12:00"] if rng.random() < 0.5
                                             else [f"{day(0)}T12:00", f"{day(0)}T16:00"]]
    participants(inst, sessions, people, talks * 3, (4, 9), caps, slots, rng)
    inst["people"] = list(people.values())
    inst["sessions"] = sessions
    return inst


def participants(inst, sessions, people, count, picks, caps, slots, rng):
    """Favourites by popularity, then trimmed so that the sessions fit the rooms by seats alone."""
    popularity = [rng.lognormvariate(0, 0.9) for _ in sessions]
    for s in sessions:
        if s["kind"] == "plenary":
            popularity[sessions.index(s)] *= 6
    for k in range(count):
        pid = f"participant-{k + 1:04d}"
        people[pid] = person(pid, rng.choice(ZONES), rng, speaker=False)
        n = rng.randint(*picks)
        chosen = set()
        while len(chosen) < min(n, len(sessions)):
            chosen.add(rng.choices(range(len(sessions)), weights=popularity)[0])
        for i in sorted(chosen):
            sessions[i]["signups"].append(pid)
    # The k-th most popular session must fit the room it would get if rooms were filled biggest first.
    order = sorted(range(len(sessions)), key=lambda i: -len(sessions[i]["signups"]))
    for rank, i in enumerate(order):
        room = min(rank // slots, len(caps) - 1)
        limit = caps[room]
        if len(sessions[i]["signups"]) > limit:
            sessions[i]["signups"] = sorted(rng.sample(sessions[i]["signups"], limit))


def person(pid, zone, rng, speaker=True):
    langs = rng.choice([["en"], ["en"], ["fr"], ["fr", "en"], ["fr"], ["ar", "fr"], ["pt", "en"]])
    return {"id": pid, "zone": zone, "languages": langs, "speaker": speaker}


def base(name, days, grid, zone):
    return {"name": name, "event": {"id": f"bench-{name}", "zone": zone, "first_day": day(0), "last_day": day(days - 1)},
            "grid": grid, "default_hours": "08:00-18:00", "waking_hours": "07:00-22:00", "arrival_buffer": 60,
            "meal_times": ["12:00-14:00", "19:00-21:30"], "break_times": ["10:00-11:00", "15:00-16:30"],
            "weights": {"waking-hours": 2, "participant-overlap": 1, "language": 1, "popular-rooms": 1,
                        "track-room": 30, "speaker-days": 60, "plenary-alone": 10, "meal-times": 5},
            "travel": []}


def network(rng):
    inst = base("network", 3, grid=15, zone="Africa/Kigali")
    inst["venues"] = [
        {"id": "kcc", "zone": "Africa/Kigali", "open": "07:30-20:00", "online": False, "rooms": [
            {"id": "auditorium", "capacity": 400, "equipment": ["stage", "booths"], "interpretation": ["en", "fr"]},
            {"id": "ak-hall", "capacity": 150, "equipment": ["booths"], "interpretation": ["en", "fr"]},
            {"id": "mh-1", "capacity": 40, "equipment": ["screen"], "interpretation": []},
            {"id": "mh-2", "capacity": 40, "equipment": ["screen"], "interpretation": []}]},
        {"id": "norrsken", "zone": "Africa/Kigali", "open": "08:00-20:00", "online": False, "rooms": [
            {"id": "studio", "capacity": 60, "equipment": ["screen"], "interpretation": []},
            {"id": "garden", "capacity": 120, "equipment": [], "interpretation": []}]},
        {"id": "online", "online": True, "rooms": []}]
    inst["travel"] = [["kcc", "norrsken", 25]]
    people = {}
    speakers = []
    for z, zone in enumerate(ZONES):
        for k in range(5):
            pid = f"speaker-{z + 1:02d}-{k + 1}"
            p = person(pid, zone, rng)
            # Flights in on the eve or the first morning, out on the last evening or the day after.
            arrive = rng.choice([f"{day(-1)}T{rng.randint(9, 22):02d}:{rng.choice(['05', '25', '45'])}",
                                 f"{day(0)}T{rng.randint(6, 11):02d}:{rng.choice(['10', '40'])}"])
            leave = rng.choice([f"{day(2)}T{rng.randint(18, 23):02d}:{rng.choice(['00', '30'])}",
                                f"{day(3)}T{rng.randint(6, 14):02d}:{rng.choice(['15', '45'])}"])
            remote = z == 11 and k >= 3
            if not remote:
                p["arrival"], p["departure"] = arrive, leave
            if rng.random() < 0.15:
                d = rng.randrange(3)
                p["availability"] = [[f"{day(d)}T08:00", f"{day(min(2, d + 1))}T18:00"]]
            people[pid] = p
            speakers.append(pid)
    themes = ["climate", "housing", "mobility", "finance", "data", "culture"]
    sessions = []
    used = {s: 0 for s in speakers}

    def pick(n):
        pool = sorted((s for s in speakers if used[s] < 3), key=lambda s: (used[s], rng.random()))
        chosen = pool[:n]
        for s in chosen:
            used[s] += 1
        return chosen

    for d, title in enumerate(["opening", "cities", "closing"]):
        sessions.append({"id": f"plenary-{title}", "minutes": 90, "kind": "plenary", "venue": "kcc",
                         "room": "auditorium", "speakers": pick(3), "tags": ["network"], "language": "en",
                         "days": [day(d)], "window": "08:30-17:30", "expected": 300})
    for d in range(3):
        sessions.append({"id": f"lunch-d{d + 1}", "minutes": 75, "kind": "meal", "venue": "kcc", "room": None,
                         "speakers": [], "tags": [], "days": [day(d)]})
        for part in ["am", "pm"]:
            sessions.append({"id": f"break-d{d + 1}-{part}", "minutes": 30, "kind": "break", "venue": "kcc",
                             "room": None, "speakers": [], "tags": [], "days": [day(d)]})
    for k in range(4):
        sessions.append({"id": f"online-{k + 1}", "minutes": 60, "kind": "online", "venue": "online", "room": None,
                         "speakers": pick(2), "tags": [rng.choice(themes)], "language": rng.choice(["en", "fr"])})
    for k in range(22):
        kind = rng.choice(["workshop", "panel", "talk", "workshop"])
        s = {"id": f"{kind}-{k + 1:02d}", "minutes": rng.choice([60, 90, 90]), "kind": kind,
             "speakers": pick(rng.choice([2, 3])), "tags": [rng.choice(themes)],
             "language": rng.choice(["en", "en", "fr"])}
        if k % 7 == 3:
            s["requires"] = ["screen"]
        if k % 9 == 4:
            s["after"] = ["plenary-opening"]
        if k % 11 == 5:
            s["not_parallel_tags"] = list(s["tags"])
        sessions.append(s)
    for s in sessions:
        for key, default in [("requires", []), ("after", []), ("not_parallel_tags", []), ("signups", [])]:
            s.setdefault(key, default)
    pool = [s for s in sessions if s["kind"] not in ("meal", "break", "plenary")]
    for k in range(120):
        pid = f"participant-{k + 1:03d}"
        people[pid] = person(pid, rng.choice(ZONES), rng, speaker=False)
        for s in rng.sample(pool, 3):
            s["signups"].append(pid)
    for s in pool:
        s["signups"] = s["signups"][:38]
    inst["people"] = list(people.values())
    inst["sessions"] = sessions
    return inst


def stress(rng):
    days = 12
    inst = base("stress", days, grid=30, zone="Africa/Kigali")
    venues = []
    for v in range(8):
        rooms = [{"id": f"v{v + 1}-r{k + 1:02d}", "capacity": rng.choice([30, 40, 60, 80, 120, 200, 400]),
                  "equipment": ["projector"] + (["recording"] if k % 3 == 0 else []),
                  "interpretation": ["en", "fr"] if k == 0 else []} for k in range(10)]
        venues.append({"id": f"venue-{v + 1}", "zone": "Africa/Kigali", "open": "08:00-19:00", "online": False,
                       "rooms": rooms})
    inst["venues"] = venues
    inst["travel"] = [[f"venue-{a + 1}", f"venue-{b + 1}", 15 + 5 * abs(a - b)] for a in range(8) for b in range(a + 1, 8)]
    people = {}
    speakers = [f"speaker-{k + 1:04d}" for k in range(2500)]
    for s in speakers:
        people[s] = person(s, rng.choice(ZONES), rng)
    tags = [f"track-{t + 1:02d}" for t in range(40)]
    sessions = []
    load = {s: 0 for s in speakers}
    for k in range(5000):
        chosen = []
        while len(chosen) < rng.choice([1, 1, 2]):
            s = speakers[rng.randrange(len(speakers))]
            if load[s] < 4 and s not in chosen:
                chosen.append(s)
        for s in chosen:
            load[s] += 1
        sessions.append({"id": f"s-{k + 1:04d}", "minutes": rng.choice([60, 60, 90]),
                         "kind": rng.choice(["talk", "workshop", "panel"]), "speakers": chosen,
                         "tags": [rng.choice(tags)], "language": rng.choice(["en", "en", "fr"]),
                         "requires": ["recording"] if rng.random() < 0.05 else [], "after": [],
                         "not_parallel_tags": [], "signups": []})
    for k in range(15000):
        pid = f"participant-{k + 1:05d}"
        people[pid] = person(pid, rng.choice(ZONES), rng, speaker=False)
        for i in rng.sample(range(len(sessions)), 4):
            sessions[i]["signups"].append(pid)
    for s in sessions:
        s["signups"] = s["signups"][:30]
    inst["people"] = list(people.values())
    inst["sessions"] = sessions
    return inst


def write_workspace(inst, out):
    os.makedirs(out, exist_ok=True)
    e = inst["event"]
    weights = "\n".join(f"    {k}: {v}" for k, v in inst["weights"].items())
    with open(os.path.join(out, "event.yaml"), "w") as f:
        f.write(f"""# Generated by bench/propose_gen.py ({inst['name']}); instance.json holds the same instance.
event:
  id: {e['id']}
  title: {{ en: "Benchmark {inst['name']}", fr: "Banc d'essai {inst['name']}" }}
  timezone: {e['zone']}
  dates: {{ start: {e['first_day']}, end: {e['last_day']} }}
  languages: [en, fr]
  organizer: {{ name: Bench, email: bench@example.org }}
include: [venues.yaml, people.yaml, sessions.yaml]
checks:
  waking_hours: "{inst['waking_hours']}"
  arrival_buffer_minutes: {inst['arrival_buffer']}
propose:
  grid_minutes: {inst['grid']}
  default_hours: "{inst['default_hours']}"
  meal_times: [{', '.join(f'"{w}"' for w in inst['meal_times'])}]
  break_times: [{', '.join(f'"{w}"' for w in inst['break_times'])}]
  weights:
{weights}
""")
    with open(os.path.join(out, "venues.yaml"), "w") as f:
        f.write("venues:\n")
        for v in inst["venues"]:
            if v["online"]:
                f.write(f"  - {{ id: {v['id']}, name: {v['id']}, online: true }}\n")
                continue
            f.write(f"  - id: {v['id']}\n    name: {v['id']}\n    city: Kigali\n    country: RW\n"
                    f"    timezone: {v['zone']}\n    opening_hours: \"{v['open']}\"\n    rooms:\n")
            for r in v["rooms"]:
                f.write(f"      - {{ id: {r['id']}, name: {r['id']}, capacity: {r['capacity']}, "
                        f"equipment: [{', '.join(r['equipment'])}], interpretation: [{', '.join(r['interpretation'])}] }}\n")
        if inst["travel"]:
            f.write("travel:\n")
            for a, b, m in inst["travel"]:
                f.write(f"  - {{ between: [{a}, {b}], minutes: {m} }}\n")
    with open(os.path.join(out, "people.yaml"), "w") as f:
        f.write("people:\n")
        for p in inst["people"]:
            role = "speaker" if p["speaker"] else "participant"
            f.write(f"  - {{ id: {p['id']}, name: {p['id']}, timezone: {p['zone']}, "
                    f"languages: [{', '.join(p['languages'])}], roles: [{role}]")
            if "availability" in p:
                f.write(", availability: [" + ", ".join(
                    f"{{ start: {a}, end: {b}, timezone: {inst['event']['zone']} }}" for a, b in p["availability"]) + "]")
            journeys = []
            if "arrival" in p:
                journeys.append(f"{{ direction: arrival, mode: flight, place: KGL, time: {p['arrival']} }}")
            if "departure" in p:
                journeys.append(f"{{ direction: departure, mode: flight, place: KGL, time: {p['departure']} }}")
            if journeys:
                f.write(", journeys: [" + ", ".join(journeys) + "]")
            f.write(" }\n")
    with open(os.path.join(out, "sessions.yaml"), "w") as f:
        f.write("sessions:\n")
        for s in inst["sessions"]:
            f.write(f"  - id: {s['id']}\n    title: {s['id']}\n    kind: {s['kind']}\n    duration: {s['minutes']}\n")
            for key in ("venue", "room"):
                if s.get(key):
                    f.write(f"    {key}: {s[key]}\n")
            if s.get("language"):
                f.write(f"    language: {s['language']}\n")
            for key, name in [("speakers", "speakers"), ("tags", "tags"), ("requires", "requires"),
                              ("after", "after"), ("not_parallel_tags", "not_parallel_with_tags"),
                              ("signups", "participants"), ("days", "days")]:
                if s.get(key):
                    f.write(f"    {name}: [{', '.join(s[key])}]\n")
            if s.get("window"):
                f.write(f"    time_window: \"{s['window']}\"\n")
            if s.get("expected"):
                f.write(f"    expected_attendance: {s['expected']}\n")
    with open(os.path.join(out, "instance.json"), "w") as f:
        json.dump(inst, f, indent=1, sort_keys=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shape", choices=sorted(SHAPES) + ["network", "stress"])
    ap.add_argument("--out")
    ap.add_argument("--seed", type=int, default=20270323)
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    if a.list:
        print("\n".join(sorted(SHAPES) + ["network", "stress"]))
        return
    if not a.shape or not a.out:
        ap.error("--shape and --out are required")
    rng = random.Random(f"{a.seed}-{a.shape}")
    if a.shape in SHAPES:
        inst = timefold(a.shape, *SHAPES[a.shape], rng)
    elif a.shape == "network":
        inst = network(rng)
    else:
        inst = stress(rng)
    write_workspace(inst, a.out)


if __name__ == "__main__":
    main()
