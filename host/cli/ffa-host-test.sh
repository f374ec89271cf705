#!/usr/bin/env bash
# `make test` entry for ffa-host: runs the session and restates its last
# line ("session: N steps ok, M failed (K expected refusals)") in the
# summary format tools/run-tests.sh adds up. Exits with ffa-host's status.
set -u
bin=${FFA_HOST_BIN:-build/ffa-host}
if [ ! -x "$bin" ]; then
	echo "ffa-host-test: $bin not built: run 'make $bin'" >&2
	exit 1
fi
out=$("$bin" 2>&1)
rc=$?
printf '%s\n' "$out"
line=$(printf '%s\n' "$out" | grep -E '^session: [0-9]+ steps ok, [0-9]+ failed' | tail -n 1)
if [ -n "$line" ]; then
	ok=$(sed -E 's/^session: ([0-9]+) steps ok.*/\1/' <<<"$line")
	bad=$(sed -E 's/^session: [0-9]+ steps ok, ([0-9]+) failed.*/\1/' <<<"$line")
	neg=$(sed -nE 's/.*\(([0-9]+) expected refusals?\).*/\1/p' <<<"$line")
	echo "ffa-host: $ok passed, $bad failed, ${neg:-0} negative"
fi
exit "$rc"
