#!/usr/bin/env python3
"""Times `baraza export badges` and the pack that holds her certificate (`export pack --audience
person:ruth-achieng`), release build, on the sample event with one person's name made hostile: 20,000 and
100,000 characters by default. Text fitting must cost what the card can show, not what the name holds
(issue 12, item 5): before the fix, 20,000 characters took 19 s and 100,000 over a minute.

    python3 bench/long_name_bench.py [--lengths 20000 100000] [--runs 3] [--baraza .build/release/baraza]
                                     [--events events/final-kigali-2027] [--exports badges pack]

`--baraza` and `--events` let the same script time an older build on its own sample (the workspace format
it reads). Prints, per length and export, the median wall time over the runs and the largest peak resident
memory (/usr/bin/time -v). Runs outside the test suite.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--lengths", type=int, nargs="+", default=[20000, 100000])
ap.add_argument("--runs", type=int, default=3)
ap.add_argument("--baraza")
ap.add_argument("--events")
ap.add_argument("--exports", nargs="+", choices=["badges", "pack"], default=["badges", "pack"])
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
baraza = a.baraza or os.path.join(root, ".build/release/baraza")
events = a.events or os.path.join(root, "events/final-kigali-2027")
if not os.path.exists(baraza):
    sys.exit("build first: swift build -c release --product baraza")

WORDS = "Oluwaseun Adebayo Chukwuemeka Ngozi Mwangi Kariuki Tshabalala "


def workspace(folder, length):
    """The sample with Ruth Achieng's name replaced by `length` characters of name-like words."""
    shutil.copytree(events, folder)
    for state in ("badges-printed.yaml",):
        if os.path.exists(os.path.join(folder, state)):
            os.remove(os.path.join(folder, state))
    name = (WORDS * (length // len(WORDS) + 1))[:length - 1] + "a"
    path = os.path.join(folder, "people.yaml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if "name: Ruth Achieng" not in text:
        sys.exit("the sample no longer has Ruth Achieng: pick another person in bench/long_name_bench.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("name: Ruth Achieng", 'name: "' + name + '"', 1))


COMMANDS = {
    "badges": lambda folder, out: ["export", "badges", folder, "--out", out, "--no-record"],
    "pack": lambda folder, out: ["export", "pack", folder, "--out", out, "--audience", "person:ruth-achieng"],
}


def run(export, folder, out):
    command = ["/usr/bin/time", "-v", baraza] + COMMANDS[export](folder, out)
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit("baraza failed:\n" + done.stderr)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", done.stderr)
    seconds = int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    return seconds, peak


with tempfile.TemporaryDirectory() as scratch:
    print(f"{baraza} on {events}")
    for length in a.lengths:
        folder = os.path.join(scratch, f"long-{length}")
        workspace(folder, length)
        for export in a.exports:
            samples = [run(export, folder, os.path.join(scratch, f"out-{length}")) for _ in range(a.runs)]
            median = statistics.median(s for s, _ in samples)
            peak = max(p for _, p in samples)
            print(f"{length:>9,} characters, {export:>6}: {median:7.2f} s (median of {a.runs}), "
                  f"peak {peak / 1024:7.1f} MB", flush=True)
