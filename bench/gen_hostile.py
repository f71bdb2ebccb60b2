#!/usr/bin/env python3
"""Writes hostile-size inputs for bench/hostile_bench.py: a copy of the sample workspace with one huge value, and
a registration export (ODK submissions XML) with one huge name.

    python3 bench/gen_hostile.py workspace --out /tmp/ws-name --field name --chars 100000
    python3 bench/gen_hostile.py workspace --out /tmp/ws-50mb --field name --chars 50000000
    python3 bench/gen_hostile.py workspace --out /tmp/ws-bio --field bio --chars 20000
    python3 bench/gen_hostile.py export --out /tmp/long-name.xml --chars 100000

The huge text is deterministic: words of 2 to 12 letters (ASCII, accented Latin and a few letters with combining
marks, so NFC and grapheme boundaries matter), separated by single spaces, exactly `--chars` Unicode scalars long.
The workspace copy keeps the sample's materials, hotels and logistics, so `baraza build` runs every export on it.
"""
import argparse, os, random, shutil, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "events", "final-kigali-2027")
LETTERS = list("abcdefghijklmnopqrstuvwxyz") * 4 + list("éèêàçôïüñ") + ["o\u0323\u0300", "e\u0301"]


def long_text(chars, seed=12):
    """`chars` Unicode scalars of words and single spaces; never ends with a space."""
    rng = random.Random(seed)
    out, count = [], 0
    while count < chars:
        word = "".join(rng.choice(LETTERS) for _ in range(rng.randint(2, 12)))
        if count:
            word = " " + word
        out.append(word)
        count += len(word)
    text = "".join(out)[:chars]
    return text.rstrip(" ") + "x" * (chars - len(text.rstrip(" ")))


def yaml_quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def workspace(out, field, chars):
    """The sample workspace with its first person's `field` (name, organisation, bio) `chars` long."""
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(SAMPLE, out)
    path = os.path.join(out, "people.yaml")
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    value = yaml_quoted(long_text(chars))
    for i, line in enumerate(lines):
        if line.startswith("    name: "):
            if field == "name":
                lines[i] = "    name: " + value
            else:
                lines.insert(i + 1, f"    {field}: {value}")
            break
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def export(out, chars, field="name"):
    """An ODK/KoBo submissions export of three people; the second one's `field` is `chars` long."""
    people = [
        ("Aminata Traoré", "aminata.traore@example.org", "Mairie de Bamako", "Bamako"),
        (long_text(chars), "long.name@example.org", "Ville de Lagos", "Lagos"),
        ("Kofi Mensah", "kofi.mensah@example.org", "Kumasi Metropolitan Assembly", "Kumasi"),
    ]
    if field != "name":
        people[1] = ("Long Field", "long.name@example.org", long_text(chars), "Lagos")
    with open(out, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<submissions>\n')
        for n, (name, email, organisation, city) in enumerate(people, start=1):
            esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;")
            f.write(
                f'  <inscription id="hostile" xmlns:orx="http://openrosa.org/xforms">\n'
                f"    <name>{esc(name)}</name>\n    <email>{email}</email>\n"
                f"    <organisation>{esc(organisation)}</organisation>\n    <city>{city}</city>\n"
                f"    <orx:meta><orx:instanceID>uuid:hostile-{n}</orx:instanceID></orx:meta>\n"
                f"  </inscription>\n")
        f.write("</submissions>\n")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["workspace", "export"])
    ap.add_argument("--out", required=True)
    ap.add_argument("--field", default="name", help="workspace: name, organisation or bio; export: name or organisation")
    ap.add_argument("--chars", type=int, default=100_000)
    a = ap.parse_args()
    if a.kind == "workspace":
        workspace(a.out, a.field, a.chars)
    else:
        export(a.out, a.chars, a.field)
    print(a.out, file=sys.stderr)
