#!/usr/bin/env python3
"""Times `baraza send invitations` (release build) to a local SMTP server, and checks exactly-once delivery when
the server drops the connection every N messages.

    python3 bench/send_bench.py [--runs 3] [--participants 2000] [--drop-every 100]

The workspace is bench/gen_check_workspace.py's (Africa/Kigali, 5 sign-ups per participant) with --participants
participants, --sessions sessions and --speakers speakers, plus an `smtp:` section (no TLS, no rate limit to
speak of). The server is Tests/BarazaSendTests/smtp_server.py (aiosmtpd) on a free loopback port, recording each
message's envelope and Message-ID. Each run sends the first publication of a fresh copy of the workspace.

Prints the median wall time and the largest peak resident memory (/usr/bin/time -v) of the clean runs, then one
run against a server that drops the connection (no reply) at every Nth MAIL command: messages delivered, distinct
(recipient, Message-ID) pairs, duplicates, retries the client made, and its exit status.
"""
import argparse, json, os, re, shutil, statistics, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=3)
ap.add_argument("--participants", type=int, default=2000)
ap.add_argument("--sessions", type=int, default=200)
ap.add_argument("--speakers", type=int, default=100)
ap.add_argument("--drop-every", type=int, default=100)
ap.add_argument("--baraza", help="the baraza executable (default: .build/release/baraza)")
ap.add_argument("--scratch", help="where the workspaces go (default: the temporary folder; /dev/shm shows the "
                "cost of the per-message flushes to disk)")
a = ap.parse_args()
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
baraza = a.baraza or os.path.join(root, ".build/release/baraza")
if not os.path.exists(baraza):
    sys.exit("build first: swift build -c release --product baraza")
server_script = os.path.join(root, "Tests/BarazaSendTests/smtp_server.py")
scratch = tempfile.mkdtemp(prefix="baraza-send-bench-", dir=a.scratch)
generated = os.path.join(scratch, "generated")
subprocess.run([sys.executable, os.path.join(root, "bench/gen_check_workspace.py"), "--out", generated,
                "--sessions", str(a.sessions), "--speakers", str(a.speakers),
                "--signups", str(5 * a.participants)], check=True)
with open(os.path.join(generated, "event.yaml"), "a") as f:
    f.write("\nsmtp:\n  host: 127.0.0.1\n  security: none\n  rate-per-minute: 100000\n")


def start_server(extra, record):
    server = subprocess.Popen([sys.executable, server_script, "--record", record, "--envelope-only"] + extra,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = server.stdout.readline()
    if not line.startswith("PORT "):
        sys.exit("the SMTP server did not start (is aiosmtpd installed? pip install aiosmtpd)")
    return server, int(line.split()[1])


def server_seconds(pid):
    """CPU seconds the server process used (Linux /proc), to tell whose time the wall time is."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def run(label, extra):
    workspace = os.path.join(scratch, label)
    shutil.rmtree(workspace, ignore_errors=True)
    shutil.copytree(generated, workspace)
    record = os.path.join(scratch, label + ".jsonl")
    open(record, "w").close()
    server, port = start_server(extra, record)
    try:
        env = dict(os.environ, BARAZA_SMTP_PORT=str(port))
        p = subprocess.run(["/usr/bin/time", "-v", baraza, "send", "invitations", workspace], capture_output=True,
                           text=True, env=env)
    finally:
        server_cpu = server_seconds(server.pid)
        server.kill()
        server.wait()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", p.stderr).group(1)
    parts = [float(x) for x in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    cpu = sum(float(re.search(rf"{k} time \(seconds\): (\S+)", p.stderr).group(1)) for k in ("User", "System"))
    records = [json.loads(line) for line in open(record)]
    messages = [r for r in records if r["kind"] == "message"]
    keys = {(tuple(m["rcpt_tos"]), m["message_id"]) for m in messages}
    summary = re.search(r"Sent (\d+) of (\d+) message\(s\).*?(\d+) retries", p.stdout)
    return {
        "seconds": seconds, "peak": peak, "cpu": cpu, "server_cpu": server_cpu, "status": p.returncode, "delivered": len(messages),
        "distinct": len(keys), "planned": int(summary.group(2)) if summary else None,
        "retries": int(summary.group(3)) if summary else None,
        "mail": sum(1 for r in records if r["kind"] == "mail"), "stdout": p.stdout,
    }


clean = [run(f"clean-{i}", []) for i in range(a.runs)]
for r in clean:
    if r["status"] != 0 or r["delivered"] != r["planned"] or r["distinct"] != r["delivered"]:
        sys.exit(f"a clean run did not deliver everything exactly once:\n{r['stdout'][-2000:]}")
planned = clean[0]["planned"]
times = [r["seconds"] for r in clean]
print(f"baraza send invitations ({os.path.relpath(baraza, root)}): {a.participants} participants, {a.speakers} speakers, {a.sessions} sessions "
      f"-> {planned} messages, median of {a.runs}")
print(f"  clean server:  {statistics.median(times):7.2f} s  ({planned / statistics.median(times):.0f} messages/s)"
      f"  peak {max(r['peak'] for r in clean):6.1f} MB  runs: {', '.join(f'{t:.2f}' for t in times)}")
print(f"    cpu: baraza {statistics.median(r['cpu'] for r in clean):.2f} s, "
      f"the Python server {statistics.median(r['server_cpu'] for r in clean):.2f} s (medians)")
d = run("drops", ["--drop-every", str(a.drop_every)])
print(f"  dropping the connection at every {a.drop_every}th MAIL: {d['seconds']:.2f} s, peak {d['peak']:.1f} MB, "
      f"exit {d['status']}")
print(f"    delivered {d['delivered']} of {d['planned']}, distinct {d['distinct']}, "
      f"duplicates {d['delivered'] - d['distinct']}, MAIL commands {d['mail']}, client retries {d['retries']}")
shutil.rmtree(scratch, ignore_errors=True)
