#!/usr/bin/env bash
# Cost of reading the system tz database (Sources/TZDatabase): open + version, identifier index, loading the
# twelve member-city zones and every zone, one million offset(at:) queries (vs Foundation's TimeZone), and
# transition chains 1970-2060. Release build; median of RUNS runs (default 5); peak memory via /usr/bin/time -v.
#   bash bench/tz_bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
swift build -c release --product tz-bench >/dev/null
bin=.build/release/tz-bench
for _ in $(seq "$runs"); do "$bin"; done >/tmp/tz_bench.$$
python3 - /tmp/tz_bench.$$ <<'PY'
import re, statistics, sys
rows = [dict(re.findall(r"(\w+)=([\d.]+)", line)) for line in open(sys.argv[1])]
for key in rows[0]:
    if key != "checksum":
        print(f"{key:>26}: median {statistics.median(float(r[key]) for r in rows):9.2f} ms over {len(rows)} runs")
PY
rm -f /tmp/tz_bench.$$
/usr/bin/time -v "$bin" 2>&1 >/dev/null | sed -n 's/^\tMaximum resident set size (kbytes): /peak RSS (kB): /p'
