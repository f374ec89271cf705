#!/usr/bin/env bash
# Runs build/ffa-bench under callgrind and leaves one dump per measured
# (operation, phase) in <out>/callgrind/, plus <out>/host.json with the
# instruction counts per call (bench/report.py turns them into the tables).
#   usage: bench/run-host.sh <ffa-bench binary> <out dir>
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:?usage: run-host.sh <ffa-bench binary> <out dir>}
out=${2:?usage: run-host.sh <ffa-bench binary> <out dir>}
"$top/tools/setup.sh" bench
command -v valgrind >/dev/null || { echo "run-host: valgrind missing: tools/setup.sh bench" >&2; exit 1; }
cg=$out/callgrind
rm -rf "$cg"
mkdir -p "$cg"
# Collection is off until the program's brackets switch it on; no cache or
# branch simulation: instructions alone are exact and repeatable.
valgrind --tool=callgrind --collect-atstart=no --dump-line=no \
	--callgrind-out-file="$cg/cg.out" "$bin" --measure >"$cg/labels.txt" 2>"$cg/valgrind.log" || {
	tail -n 20 "$cg/valgrind.log" >&2
	echo "run-host: ffa-bench --measure failed under callgrind (log: $cg/valgrind.log)" >&2
	exit 1
}
"$top/bench/report.py" --host "$cg" "$out/host.json"
