#!/usr/bin/env python3
"""Load on `baraza serve` (release build) with wrk, on loopback, over bench/gen_check_workspace.py's generated
workspace (5,000 sessions; 3,000 speakers and --signups/5 participants: the default --signups 500000 gives
103,000 people).

    python3 bench/serve_bench.py [--sessions 5000] [--signups 500000] [--connections 200] [--duration 15]
                                 [--wrk-threads 1] [--rows personal] [--million] [--ceiling]

For the event feed and the agenda page (plain, and gzipped as calendar apps and browsers ask for them), one personal
feed (unconditional, and conditional: If-None-Match with its ETag, a 304) and a search, prints the medians over --runs runs of
wrk's requests per second and p50 and p99 latency (--wrk-threads threads, --connections connections; the rows measured
in turn, round after round), the load average before each row (other work on the machine skews the figures), and the
server's resident memory (VmRSS, peak VmHWM) before and after. --rows keeps the rows whose label holds one of the
comma-separated words. With --million, then keeps hitting the personal feed until 1,000,000 more requests are
answered and prints the memory again (flat memory: no per-request growth). With --ceiling, also measures a bare
Hummingbird server (Sources/serve-hello-bench: a fixed 2,500-byte 200, and a 304 without a body) under the same wrk,
the most this machine answers whatever `baraza serve` does.

Little's law: wrk keeps --connections requests in flight, so the mean latency is connections / (requests per second);
200 connections at 34,000 req/s wait 5.9 ms on average, and a p99 under 2 ms needs well over 100,000 req/s.
Runs outside the test suite; needs wrk (Debian) and a release build
(swift build -c release --product baraza; with --ceiling also --product serve-hello-bench).
"""
import argparse, os, re, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("--sessions", type=int, default=5000)
ap.add_argument("--signups", type=int, default=500000)
ap.add_argument("--connections", type=int, default=200)
ap.add_argument("--duration", type=int, default=15)
ap.add_argument("--runs", type=int, default=3, help="runs per row; the medians are printed")
ap.add_argument("--wrk-threads", type=int, default=1,
                help="wrk's threads (1: on 2 cores, a second wrk thread takes a core from the server)")
ap.add_argument("--rows", default="", help="comma-separated words: only the rows whose label holds one")
ap.add_argument("--million", action="store_true")
ap.add_argument("--ceiling", action="store_true", help="also measure a bare Hummingbird server (serve-hello-bench)")
ap.add_argument("--log-level", default="info", help="the server's --log-level (info: one access log line a request)")
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
baraza = os.path.join(root, ".build/release/baraza")
if not os.path.exists(baraza):
    sys.exit("build first: swift build -c release --product baraza")
workspace = os.path.join(tempfile.gettempdir(), f"baraza-serve-bench-{a.sessions}-{a.signups}")
if not os.path.exists(os.path.join(workspace, "event.yaml")):
    subprocess.run([sys.executable, os.path.join(root, "bench/gen_check_workspace.py"), "--out", workspace,
                    "--sessions", str(a.sessions), "--signups", str(a.signups)], check=True)
    # The check benchmark's workspace overfills rooms on purpose (errors); a server refuses a state with errors,
    # so the rooms here seat everyone.
    venues = os.path.join(workspace, "venues.yaml")
    with open(venues) as f:
        text = re.sub(r"capacity: \d+", "capacity: 100000", f.read())
    with open(venues, "w") as f:
        f.write(text)
state = tempfile.mkdtemp(prefix="baraza-serve-bench-")

started = time.time()
server = subprocess.Popen([baraza, "serve", workspace, "--port", "0", "--state", state, "--poll", "5", "--log-level", a.log_level],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
base = None
for line in server.stdout:
    m = re.search(r"admin page: (http://[0-9.:]+)/", line)
    if m:
        base = m.group(1)
        break
if base is None:
    sys.exit("the server did not start")
print(f"workspace: {a.sessions} sessions, {a.signups} sign-ups; loaded and rendered in {time.time() - started:.1f} s")


def rss(field="VmRSS"):
    with open(f"/proc/{server.pid}/status") as f:
        return int(re.search(field + r":\s+(\d+)", f.read()).group(1)) / 1024


links = subprocess.run([baraza, "feeds", "links", workspace, "--state", state, "--base-url", base],
                       capture_output=True, text=True, check=True).stdout.split("\n")
personal = links[len(links) // 2].split("\t")[1].replace("webcal://", "http://")
etag = re.search(r'(?i)etag: ("[0-9a-f]+")',
                 subprocess.run(["curl", "-sI", personal], capture_output=True, text=True).stdout).group(1)


def wrk(url, headers=()):
    args = ["wrk", f"-t{a.wrk_threads}", f"-c{a.connections}", f"-d{a.duration}s", "--latency"]
    for h in headers:
        args += ["-H", h]
    out = subprocess.run(args + [url], capture_output=True, text=True).stdout

    def percentile(p):
        m = re.search(p + r"%\s+([\d.]+)(us|ms|s)", out)
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, percentile("50"), percentile("99"), int(non2xx.group(1)) if non2xx else 0


def median(values):
    values = sorted(values)
    return values[len(values) // 2] if len(values) % 2 else (values[len(values) // 2 - 1] + values[len(values) // 2]) / 2


print(f"server memory after loading: {rss():.0f} MB (peak {rss('VmHWM'):.0f} MB)")
print(f"wrk -t{a.wrk_threads} -c{a.connections} -d{a.duration}s on loopback, server --log-level {a.log_level}, "
      f"medians of {a.runs} runs")
gzip = "Accept-Encoding: gzip"
rows = [("event feed", base + "/calendars/event.ics", ()),
        ("event feed, gzip", base + "/calendars/event.ics", (gzip,)),
        ("personal feed", personal, ()),
        ("personal feed, 304", personal, (f"If-None-Match: {etag}",)),
        ("search", base + "/search?q=session+1", ()),
        ("agenda page", base + "/agenda/", ()),
        ("agenda page, gzip", base + "/agenda/", (gzip,))]
if a.rows:
    rows = [row for row in rows if any(word in row[0] for word in a.rows.split(","))]
hello = None
if a.ceiling:
    binary = os.path.join(root, ".build/release/serve-hello-bench")
    if not os.path.exists(binary):
        sys.exit("build first: swift build -c release --product serve-hello-bench")
    hello = subprocess.Popen([binary], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True)
    port = re.search(r"listening on (\d+)", hello.stdout.readline()).group(1)
    rows += [("bare Hummingbird, 200", f"http://127.0.0.1:{port}/body", ()),
             ("bare Hummingbird, 304", f"http://127.0.0.1:{port}/empty", ())]
# Round after round of every row (not every run of one row, then the next): a change in the machine's load
# (other builds) then weighs on every row alike, and rows can be compared with each other.
results = {label: [] for label, _, _ in rows}
loads = {label: [] for label, _, _ in rows}
for _ in range(a.runs):
    for label, url, headers in rows:
        loads[label].append(os.getloadavg()[0])
        results[label].append(wrk(url, headers))
for label, _, _ in rows:
    runs = results[label]
    rps, p50, p99 = (median([r[i] for r in runs]) for i in range(3))
    bad = sum(r[3] for r in runs)
    print(f"  {label:22s} {rps:10.0f} req/s   p50 {p50:7.2f} ms   p99 {p99:8.2f} ms   errors {bad}   (load "
          f"average {min(loads[label]):.2f}-{max(loads[label]):.2f}; p99 of each run: "
          f"{', '.join(f'{r[2]:.2f}' for r in runs)})")
if hello:
    hello.terminate()
    hello.wait(timeout=30)
print(f"server memory: {rss():.0f} MB (peak {rss('VmHWM'):.0f} MB)")
if a.million:
    served = 0
    while served < 1_000_000:
        out = subprocess.run(["wrk", f"-t{a.wrk_threads}", f"-c{a.connections}", "-d10s", personal], capture_output=True,
                             text=True).stdout
        served += int(re.search(r"(\d+) requests in", out).group(1))
    print(f"server memory after {served} more requests: {rss():.0f} MB (peak {rss('VmHWM'):.0f} MB); "
          f"load average {os.getloadavg()[0]:.2f}")
server.terminate()
server.wait(timeout=30)
