#!/usr/bin/env python3
"""Expected local time for (zone, instant) pairs, from two implementations independent of Baraza.

Reads lines `ZONE SECONDS` (POSIX seconds since 1970) on stdin and writes `ZONE SECONDS UTOFF ISDST ABBR`:
UTOFF and ABBR from Python's `zoneinfo`, ISDST from the C library's localtime() (glibc reads the same TZif
files and reports the file's isdst flag, which zoneinfo does not expose). Both read the compiled database in
--tzdir. Exits 2 if the two disagree on the offset or abbreviation, so a bad expectation cannot go unnoticed.

With --posix the lines are `TZSTRING SECONDS` and only the C library answers, with TZ set to the POSIX TZ
string itself (glibc implements the RFC 8536 extensions: quoted names, rule times from -167 to 167 hours).

Used by Tests/TZDatabaseTests at test time; by hand:
    echo "Africa/Casablanca 1790000000" | python3 make_expectations.py --tzdir /usr/share/zoneinfo
    echo "EST5EDT,M3.2.0,M11.1.0 1741503600" | python3 make_expectations.py --posix
"""
import argparse
import datetime
import os
import sys
import time
import zoneinfo


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tzdir", default="/usr/share/zoneinfo")
    parser.add_argument("--posix", action="store_true", help="keys are POSIX TZ strings, not zone names")
    args = parser.parse_args()
    zoneinfo.reset_tzpath([args.tzdir])

    queries = [line.split() for line in sys.stdin if line.strip()]
    out = []
    by_zone = {}
    for name, seconds in queries:
        by_zone.setdefault(name, []).append(int(seconds))
    for name, instants in by_zone.items():
        if args.posix:
            os.environ["TZ"] = name
            time.tzset()
            for t in instants:
                c = time.localtime(t)
                out.append(f"{name} {t} {c.tm_gmtoff} {c.tm_isdst} {c.tm_zone}")
            continue
        zone = zoneinfo.ZoneInfo(name)
        os.environ["TZ"] = ":" + os.path.join(args.tzdir, name)
        time.tzset()
        for t in instants:
            local = datetime.datetime.fromtimestamp(t, tz=zone)
            utoff = int(local.utcoffset().total_seconds())
            abbr = local.tzname()
            c = time.localtime(t)
            if c.tm_gmtoff != utoff or c.tm_zone != abbr:
                print(f"{name} {t}: zoneinfo {utoff} {abbr}, libc {c.tm_gmtoff} {c.tm_zone}", file=sys.stderr)
                return 2
            out.append(f"{name} {t} {utoff} {c.tm_isdst} {abbr}")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
