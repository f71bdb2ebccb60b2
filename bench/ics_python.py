#!/usr/bin/env python3
"""The Python `icalendar` twin of `baraza export ics`, for bench/ics_bench.py.

    python3 bench/ics_python.py WORKSPACE OUT

Reads the workspace YAML written by bench/gen_check_workspace.py (PyYAML with libyaml) and writes the same set of
files as Baraza: calendars/event.ics (every session, English and French), calendars/rooms/<room>.ics and
calendars/people/<person>.ics (the person's sessions as speaker, moderator or participant, in their language, plus
arrival and departure), each event with UID, DTSTAMP, DTSTART/DTEND with TZID, SUMMARY, LOCATION, DESCRIPTION,
CATEGORIES, URL and a VALARM, and a VTIMEZONE per zone (icalendar's Timezone.from_tzinfo). Files are written one
at a time. Prints the seconds spent loading YAML and writing calendars.
"""
import datetime as dt
import os
import sys
import time
from zoneinfo import ZoneInfo

import yaml
from icalendar import Alarm, Calendar, Event, Timezone

t0 = time.perf_counter()
ws, out = sys.argv[1], sys.argv[2]


def load(name):
    with open(os.path.join(ws, name), encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.CSafeLoader)


event = load("event.yaml")["event"]
venues = load("venues.yaml")["venues"]
people = load("people.yaml")["people"]
sessions = load("sessions.yaml")["sessions"]
t1 = time.perf_counter()

event_id = event["id"]
zone_name = event["timezone"]
first_day = event["dates"]["start"]
stamp = dt.datetime.combine(first_day, dt.time(0), ZoneInfo(zone_name)).astimezone(dt.timezone.utc)
rooms = {}
venue_zone = {}
for v in venues:
    venue_zone[v["id"]] = v.get("timezone", zone_name)
    for r in v.get("rooms", []):
        rooms[r["id"]] = (r.get("name", r["id"]), v.get("name", v["id"]), v.get("address"))
zones = {}
vtimezones = {}


def zone(name):
    if name not in zones:
        zones[name] = ZoneInfo(name)
        vtimezones[name] = Timezone.from_tzinfo(zones[name], first_date=dt.date(2027, 3, 1),
                                                last_date=dt.date(2027, 4, 30))
    return zones[name]


names = {p["id"]: p["name"] for p in people}
by_person = {}
session_list = []
for s in sessions:
    tz = zone(venue_zone.get(s.get("venue"), zone_name))
    start = dt.datetime.fromisoformat(str(s["start"])).replace(tzinfo=tz)
    end = start + dt.timedelta(minutes=int(s["duration"]))
    s["_start"], s["_end"], s["_zone"] = start, end, tz.key
    index = len(session_list)
    session_list.append(s)
    for pid in s.get("speakers", []) + s.get("moderators", []):
        by_person.setdefault(pid, []).append(index)
for p in people:
    for sid in p.get("sessions", []):
        by_person.setdefault(p["id"], []).append(int(sid[1:]))


def pick(language, en, fr):
    return en if language == "en" else fr if language == "fr" else f"{en} / {fr}"


def session_event(s, language):
    e = Event()
    e.add("uid", f"session-{s['id']}@{event_id}.baraza")
    e.add("dtstamp", stamp)
    e.add("dtstart", s["_start"])
    e.add("dtend", s["_end"])
    title = pick(language, s["title"]["en"], s["title"]["fr"])
    e.add("summary", title)
    room = rooms.get(s.get("room"))
    if room:
        e.add("location", ", ".join(x for x in room if x))
    speakers = ", ".join(names.get(x, x) for x in s.get("speakers", []))
    e.add("description", pick(language, "Speakers: " + speakers, "Intervenants : " + speakers))
    if s.get("tags"):
        e.add("categories", s["tags"])
    e.add("url", "https://example.org/")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", dt.timedelta(minutes=-15))
    alarm.add("description", title)
    e.add_component(alarm)
    return e


def calendar(name, events):
    cal = Calendar()
    cal.add("prodid", "-//Baraza bench//icalendar//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for z in sorted({e["dtstart"].dt.tzinfo.key for e in events}):
        cal.add_component(vtimezones[z])
    for e in sorted(events, key=lambda e: (e["dtstart"].dt, str(e["uid"]))):
        cal.add_component(e)
    return cal.to_ical()


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


folder = os.path.join(out, "calendars")
write(os.path.join(folder, "event.ics"),
      calendar(event["title"]["en"], [session_event(s, "both") for s in session_list]))
room_sessions = {}
for s in session_list:
    room_sessions.setdefault(s.get("room"), []).append(s)
for room, items in room_sessions.items():
    if room:
        write(os.path.join(folder, "rooms", room + ".ics"),
              calendar(room, [session_event(s, "both") for s in items]))
files = 1 + len([r for r in room_sessions if r])
for p in people:
    langs = [l for l in p.get("languages", []) if l in ("en", "fr")]
    language = langs[0] if langs else "both"
    events = [session_event(session_list[i], language) for i in dict.fromkeys(by_person.get(p["id"], []))]
    for n, j in enumerate(p.get("journeys", []), 1):
        tz = zone(zone_name)
        start = dt.datetime.fromisoformat(str(j["time"])).replace(tzinfo=tz)
        e = Event()
        e.add("uid", f"{j['direction']}-{n}-{p['id']}@{event_id}.baraza")
        e.add("dtstamp", stamp)
        e.add("dtstart", start)
        e.add("dtend", start + dt.timedelta(minutes=30))
        e.add("summary", pick(language, "Arrival" if j["direction"] == "arrival" else "Departure",
                              "Arrivée" if j["direction"] == "arrival" else "Départ"))
        events.append(e)
    if events:
        write(os.path.join(folder, "people", p["id"] + ".ics"), calendar(f"{event_id}: {p['name']}", events))
        files += 1
t2 = time.perf_counter()
print(f"python icalendar: {files} files, load {t1 - t0:.2f} s, calendars {t2 - t1:.2f} s")
