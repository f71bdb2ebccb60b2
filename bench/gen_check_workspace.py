#!/usr/bin/env python3
"""Writes a large, deterministic Baraza workspace for timing `baraza check`.

    python3 bench/gen_check_workspace.py --out /tmp/bench-ws [--sessions 5000] [--signups 100000]

Shape (defaults): 5,000 sessions over 5 days in 80 rooms of 4 venues (Africa/Kigali), 3,000 speakers and
moderators, 20,000 participants with 5 sign-ups each (100,000 sign-ups), journeys for everyone.
Participants pick 5 sessions at random, so some of their picks overlap (participant-overlap warnings).
Same arguments, same bytes (random.Random(seed)); standard library only.
"""
import argparse, os, random

ap = argparse.ArgumentParser()
ap.add_argument("--out", required=True)
ap.add_argument("--sessions", type=int, default=5000)
ap.add_argument("--signups", type=int, default=100000)
ap.add_argument("--speakers", type=int, default=3000)
ap.add_argument("--seed", type=int, default=20271123)
a = ap.parse_args()
rng = random.Random(a.seed)
os.makedirs(a.out, exist_ok=True)
days, rooms_per_venue, venues = 5, 20, 4
participants = max(1, a.signups // 5)

with open(os.path.join(a.out, "event.yaml"), "w") as f:
    f.write(f"""event:
  id: bench-{a.sessions}-{a.signups}
  title: {{ en: Benchmark event, fr: Événement de mesure }}
  timezone: Africa/Kigali
  dates: {{ start: 2027-03-22, end: 2027-03-{21 + days} }}
  languages: [en, fr]
  organizer: {{ name: Bench, email: bench@example.org }}
include: [venues.yaml, people.yaml, sessions.yaml]
checks:
  severity:
    participant-overlap: warning
""")
with open(os.path.join(a.out, "venues.yaml"), "w") as f:
    f.write("venues:\n")
    for v in range(venues):
        f.write(f"  - id: v{v}\n    city: Kigali\n    country: RW\n    timezone: Africa/Kigali\n    opening_hours: \"07:00-23:59\"\n    rooms:\n")
        for r in range(rooms_per_venue):
            f.write(f"      - {{ id: r{v}-{r}, capacity: {rng.choice([40, 80, 150, 400])}, interpretation: [en, fr] }}\n")
    f.write("travel:\n")
    for v in range(venues):
        for w in range(v + 1, venues):
            f.write(f"  - {{ between: [v{v}, v{w}], minutes: {15 + 5 * (v + w)} }}\n")

# Sessions: each room runs 45- or 60-minute slots from 07:30, 10 minutes apart; speakers drawn so most never clash.
sessions = []
per_room_day = -(-a.sessions // (venues * rooms_per_venue * days))
sid = 0
for d in range(days):
    for v in range(venues):
        for r in range(rooms_per_venue):
            minute = 7 * 60 + 30
            for _ in range(per_room_day):
                if sid >= a.sessions: break
                length = rng.choice([45, 60])
                sessions.append((sid, d, v, r, minute, length))
                minute += length + 10
                sid += 1
slot_people = {}
with open(os.path.join(a.out, "sessions.yaml"), "w") as f:
    f.write("sessions:\n")
    for (sid, d, v, r, minute, length) in sessions:
        speakers = [f"s{(sid * 7 + k * 1013) % a.speakers}" for k in range(rng.choice([1, 2, 3]))]
        h, m = divmod(minute, 60)
        f.write(f"  - id: x{sid}\n    title: {{ en: Session {sid}, fr: Séance {sid} }}\n    kind: workshop\n"
                f"    venue: v{v}\n    room: r{v}-{r}\n    start: 2027-03-{22 + d}T{h:02d}:{m:02d}\n    duration: {length}\n"
                f"    language: {rng.choice(['en', 'fr'])}\n    speakers: [{', '.join(speakers)}]\n")
with open(os.path.join(a.out, "people.yaml"), "w") as f:
    f.write("people:\n")
    for s in range(a.speakers):
        f.write(f"  - id: s{s}\n    name: Speaker {s}\n    email: s{s}@example.org\n    timezone: Africa/Lagos\n"
                f"    languages: [en, fr]\n    roles: [speaker]\n    journeys:\n"
                f"      - {{ direction: arrival, time: 2027-03-21T15:00 }}\n"
                f"      - {{ direction: departure, time: 2027-03-{22 + days}T18:00 }}\n")
    for p in range(participants):
        picks = sorted(rng.sample(range(len(sessions)), 5))
        f.write(f"  - id: p{p}\n    name: Participant {p}\n    email: p{p}@example.org\n    timezone: Africa/Kigali\n"
                f"    languages: [{rng.choice(['en', 'fr', 'en, fr'])}]\n    sessions: [{', '.join(f'x{i}' for i in picks)}]\n")
print(f"wrote {a.out}: {len(sessions)} sessions, {a.speakers} speakers, {participants} participants, "
      f"{participants * 5} sign-ups")
