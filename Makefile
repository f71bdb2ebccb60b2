# Baraza: the two commands of the README, plus the benchmarks.
#   make run    check the sample workspaces, then build every export of the sample event into exports/ (installs what is missing first)
#   make test   build and run the whole test suite (installs what is missing first)
#   make agenda-check   open the sample agenda in headless Chromium, check the DOM, refresh the README screenshots
SWIFT ?= swift
BARAZA_RELEASE = .build/release/baraza

.PHONY: setup build release run test bench-check bench-logistics bench-pack bench-badges bench-import bench-ics bench-propose bench-send agenda-check clean

setup:
	@bash .ci/setup

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product baraza

run: release
	$(BARAZA_RELEASE) check events/
	$(BARAZA_RELEASE) build events/final-kigali-2027

# The tests' scratch workspaces (and SwiftPM's own temporary folders) go to a temporary folder of this run's
# own, removed afterwards, so repeated runs do not fill /tmp.
TEST_TMP = $(CURDIR)/.build/test-tmp

test: setup
	$(SWIFT) format lint --strict -r Sources Tests
	@rm -rf $(TEST_TMP) && mkdir -p $(TEST_TMP)
	export TMPDIR=$(TEST_TMP); $(SWIFT) build --build-tests && $(SWIFT) test --skip-build; \
		status=$$?; rm -rf $(TEST_TMP); exit $$status

bench-check: release
	python3 bench/check_bench.py

bench-logistics: setup
	$(SWIFT) build -c release --product logistics-bench
	python3 bench/logistics_bench.py

bench-pack: release
	python3 bench/pack_bench.py

bench-badges: release
	$(SWIFT) build -c release --product pdf-bench
	python3 bench/badges_bench.py

agenda-check: build
	python3 tools/agenda-check --baraza .build/debug/baraza --screenshots exports/final-kigali-2027/agenda

bench-import: setup
	$(SWIFT) build -c release --product baraza
	$(SWIFT) build -c release --product xml-bench
	python3 bench/import_bench.py

# Calendars for 5,000 sessions / 100,000 sign-ups: baraza export ics against Python icalendar, side by side.
bench-ics: release
	python3 bench/ics_bench.py

# baraza propose against OR-Tools CP-SAT on the same generated instances (installs ortools with pip if missing).
bench-propose: release
	python3 bench/propose_bench.py

# baraza send invitations to a local aiosmtpd: 2,000 participants, then a server that drops every 100th connection.
bench-send: release
	python3 bench/send_bench.py

clean:
	rm -rf .build
