#!/usr/bin/env python3
"""Times `baraza export badges` (release build) on a generated workspace of 2,000 people, beside the
renderer alone (`pdf-bench`, same number of cards).

    make bench-badges           # or: python3 bench/badges_bench.py [--people 2000] [--runs 3] [--layout a4-8]

Prints the median wall time over the runs, the largest peak resident memory (/usr/bin/time -v), and the
size of the PDF. The workspace is deterministic: names from every member city, in Latin and Arabic script,
some very long, with accents. Runs outside the test suite; figures go in the README and the closing notes.
"""
import argparse, os, random, re, shutil, statistics, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--people", type=int, default=2000)
ap.add_argument("--runs", type=int, default=3)
ap.add_argument("--layout", default="a4-8", choices=["a4-8", "a6"])
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
baraza = os.path.join(root, ".build/release/baraza")
pdf_bench = os.path.join(root, ".build/release/pdf-bench")
for tool in (baraza, pdf_bench):
    if not os.path.exists(tool):
        sys.exit("build first: swift build -c release --product baraza && swift build -c release --product pdf-bench")

CITIES = [  # city, country, zone, languages, given names, family names
    ("Bamako", "ML", "Africa/Bamako", "[fr, bm]", ["Mariam", "Oumar", "Awa", "Seydou", "Fatoumata"],
     ["Coulibaly", "Keïta", "Sangaré", "Traoré", "Diarra"]),
    ("Benguerir", "MA", "Africa/Casablanca", "[ar, fr]", ["Youssef", "Nadia", "Hicham", "Salma"],
     ["El Amrani", "Ait Lahcen", "Benkirane", "Ouazzani"]),
    ("Bizerte", "TN", "Africa/Tunis", "[ar, fr]", ["Leïla", "Karim", "Amel", "Sana"],
     ["Ben Salah", "Trabelsi", "Gharbi", "Jaziri"]),
    ("Kampala", "UG", "Africa/Kampala", "[en, sw]", ["Grace", "Moses", "Ruth", "Peter"],
     ["Nakato", "Ssempijja", "Achieng", "Okello"]),
    ("Kigali", "RW", "Africa/Kigali", "[rw, en, fr]", ["Aline", "Eric", "Divine", "Jean-Paul"],
     ["Uwimana", "Habimana", "Ingabire", "Nshimiyimana"]),
    ("Kumasi", "GH", "Africa/Accra", "[en, tw]", ["Kwame", "Akosua", "Yaw", "Abena"],
     ["Owusu-Ansah", "Mensah", "Boateng", "Asante"]),
    ("Lagos", "NG", "Africa/Lagos", "[en, yo]", ["Chidinma", "Babatunde", "Funmilayo", "Oluwaseun"],
     ["Okafor", "Adeyemi", "Bakare", "Okonkwo-Adeyemi"]),
    ("Maputo", "MZ", "Africa/Maputo", "[pt, en]", ["Maria da Conceição", "Tomás", "Lurdes", "Maria Fernanda"],
     ["Nhantumbo", "Macuácua", "Cossa", "dos Santos Nhantumbo-Gonçalves"]),
    ("Niamey", "NE", "Africa/Niamey", "[fr, ha]", ["Hadiza", "Abdoulaye", "Issa", "Moussa"],
     ["Issoufou", "Moussa", "Garba", "Diop"]),
    ("Nouakchott", "MR", "Africa/Nouakchott", "[ar, fr]", ["Khadijetou", "Mohamed Lemine", "Fatimetou"],
     ["Mint Sidi", "Ould Ahmed", "Mint Cheikh"]),
    ("Sèmè-Podji", "BJ", "Africa/Porto-Novo", "[fr, fon]", ["Sènan", "Rachida", "Gbènoukpo Élise"],
     ["Hounkpatin", "Adjovi", "Ahouansou-Dossou-Yovo"]),
]
ARABIC = ["محمد الأمين ولد أحمد", "نادية آيت لحسن", "عبد الرحمن الشابي", "خديجة بنت سيدي"]
ORGS = ["Mairie", "Université", "Agence d'urbanisme", "Ministry of Local Government",
        "Conselho Municipal, Direcção de Planeamento Territorial", "Radio Urbaine", "Network Secretariat"]
ROLES = ["participant"] * 6 + ["speaker", "moderator", "staff", "press", "interpreter"]


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(folder, count):
    rng = random.Random(2027)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "event.yaml"), "w") as f:
        f.write("""event:
  id: badges-bench
  title: { en: "Cities in Dialogue: the network's final event", fr: "Villes en dialogue" }
  timezone: Africa/Kigali
  dates: { start: 2027-03-23, end: 2027-03-25 }
  languages: [en, fr]
  organizer: { name: Network Secretariat, email: secretariat@example.org }
include: [people.yaml]
""")
    with open(os.path.join(folder, "people.yaml"), "w") as f:
        f.write("people:\n")
        for i in range(count):
            city, country, zone, languages, givens, families = rng.choice(CITIES)
            given, family = rng.choice(givens), rng.choice(families)
            name = rng.choice(ARABIC) if rng.random() < 0.08 else f"{given} {family}"
            org = f"{rng.choice(ORGS)} de {city}" if rng.random() < 0.9 else None
            f.write(f"  - id: p{i:05d}\n    name: {q(name)}\n    given_name: {q(given)}\n"
                    f"    family_name: {q(family)}\n    email: p{i:05d}@example.org\n")
            if org:
                f.write(f"    organisation: {q(org)}\n")
            f.write(f"    city: {q(city)}\n    country: {country}\n    timezone: {zone}\n"
                    f"    languages: {languages}\n    roles: [{rng.choice(ROLES)}]\n")


def timed(args, cwd):
    p = subprocess.run(["/usr/bin/time", "-v"] + args, capture_output=True, text=True, cwd=cwd)
    if p.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{p.stderr}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", p.stderr).group(1)
    parts = [float(x) for x in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    return seconds, peak


def measure(args, cwd, pdf):
    times, peaks = [], []
    for _ in range(a.runs):
        t, m = timed(args, cwd)
        times.append(t)
        peaks.append(m)
    return statistics.median(times), max(peaks), os.path.getsize(pdf)


scratch = tempfile.mkdtemp(prefix="baraza-badges-bench-")
try:
    workspace = os.path.join(scratch, "events/badges-bench")
    generate(workspace, a.people)
    out = os.path.join(scratch, "exports")
    pdf = os.path.join(out, "badges", f"badges-{a.layout}.pdf")
    cards = f"{a.people} badges, layout {a.layout}, release build, median of {a.runs} runs"
    print(cards)
    # The first export creates the key; time the steady state (key present), as on every later print run.
    subprocess.run([baraza, "export", "badges", workspace, "--out", out, "--no-record"], check=True,
                   capture_output=True)
    t, mem, size = measure([baraza, "export", "badges", workspace, "--out", out, "--layout", a.layout,
                            "--no-record"], scratch, pdf)
    print(f"  baraza export badges (load + CSV + PDF)  {t:7.3f} s  peak {mem:7.1f} MB  PDF {size / 1e6:6.2f} MB")
    bench_pdf = os.path.join(scratch, "pdf-bench.pdf")
    t, mem, size = measure([pdf_bench, str(a.people), bench_pdf, "a6" if a.layout == "a6" else "a4"], scratch,
                           bench_pdf)
    print(f"  pdf-bench (renderer alone, dummy cards)  {t:7.3f} s  peak {mem:7.1f} MB  PDF {size / 1e6:6.2f} MB")
finally:
    shutil.rmtree(scratch, ignore_errors=True)
