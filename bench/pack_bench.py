#!/usr/bin/env python3
"""Times `baraza export pack` (release build): on the sample event, and on a copy of it whose sessions carry
about 2 GB of dummy materials, to show that memory does not follow the size of the pack.

    make bench-pack            # or: python3 bench/pack_bench.py [--runs 3] [--gigabytes 2]

The large workspace is generated under the temporary folder (deterministic bytes, kept between runs and
reused); packs are written there too. Prints, per workload, the median wall time over the runs, the largest
peak resident memory (/usr/bin/time -v) and the size of the zip(s) written.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=3)
ap.add_argument("--gigabytes", type=float, default=2.0)
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
baraza = os.path.join(root, ".build/release/baraza")
if not os.path.exists(baraza):
    sys.exit("build first: swift build -c release --product baraza")
sample = os.path.join(root, "events/final-kigali-2027")
tmp = tempfile.gettempdir()


def make_large_workspace(gigabytes):
    """A copy of the sample whose workshops each get one large file and two small ones."""
    total = int(gigabytes * 1024**3)
    ws = os.path.join(tmp, f"baraza-pack-bench-{gigabytes:g}g")
    marker = os.path.join(ws, ".complete")
    if os.path.exists(marker):
        return ws
    shutil.rmtree(ws, ignore_errors=True)
    shutil.copytree(sample, ws)
    text = open(os.path.join(ws, "sessions.yaml"), encoding="utf-8").read()
    blocks = text.split("\n\n")
    targets = [i for i, b in enumerate(blocks) if "kind: workshop" in b and "materials:" not in b]
    per_file = total // len(targets)
    # One MiB of pseudo-random bytes from a fixed seed, varied per file so no two files are alike.
    state, block = 0x2545F491, bytearray()
    while len(block) < 1 << 20:
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        block += state.to_bytes(8, "little")
    for n, i in enumerate(targets):
        sid = re.search(r"- id: (\S+)", blocks[i]).group(1)
        folder = os.path.join(ws, "materials", sid)
        os.makedirs(folder, exist_ok=True)
        big = os.path.join(folder, "recording.bin")
        with open(big, "wb") as f:
            written = 0
            while written < per_file:
                chunk = bytes(block[: min(len(block), per_file - written)])
                f.write(n.to_bytes(4, "little") + chunk[4:] if written == 0 else chunk)
                written += len(chunk)
        with open(os.path.join(folder, "notes.md"), "w") as f:
            f.write(f"# Notes of {sid}\n\nDummy notes for the benchmark.\n")
        with open(os.path.join(folder, "summary.txt"), "w") as f:
            f.write(f"Summary of {sid}.\n" * 200)
        blocks[i] += (f"\n    materials:\n      - materials/{sid}/recording.bin"
                      f"\n      - materials/{sid}/notes.md\n      - materials/{sid}/summary.txt")
    open(os.path.join(ws, "sessions.yaml"), "w", encoding="utf-8").write("\n\n".join(blocks))
    open(marker, "w").close()
    return ws


def measure(args, out):
    times, peaks, code, stderr = [], [], None, ""
    for _ in range(a.runs):
        shutil.rmtree(out, ignore_errors=True)
        p = subprocess.run(["/usr/bin/time", "-v", baraza] + args + ["--out", out],
                           capture_output=True, text=True, cwd=root)
        code, stderr = p.returncode, p.stderr
        wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", p.stderr).group(1)
        parts = [float(x) for x in wall.split(":")]
        times.append(parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0))
        peaks.append(int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)))
    if code != 0:
        sys.exit(f"baraza {' '.join(args)} failed:\n{stderr}")
    zips = [os.path.join(d, f) for d, _, fs in os.walk(out) for f in fs if f.endswith(".zip")]
    return statistics.median(times), max(peaks) / 1024, len(zips), sum(os.path.getsize(z) for z in zips)


large = make_large_workspace(a.gigabytes)
materials = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(large, "materials")) for f in fs)
out = os.path.join(tmp, "baraza-pack-bench-out")
print(f"baraza export pack, release build, median of {a.runs} runs")
for label, args in [("sample, public", ["export", "pack", sample, "--audience", "public"]),
                    ("sample, participants (shared + per person)", ["export", "pack", sample, "--audience", "participants"]),
                    (f"sample + {materials / 1024**3:.2f} GiB materials, public", ["export", "pack", large, "--audience", "public"])]:
    t, mem, count, size = measure(args, out)
    print(f"  {label:48s} {t:8.3f} s  peak {mem:7.1f} MB  {count:3d} zip(s), {size / 1024:12.1f} KiB")
shutil.rmtree(out, ignore_errors=True)
