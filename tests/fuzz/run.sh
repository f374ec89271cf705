#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz (see README.md there).
#   run.sh test <bindir> <name> <runs>   make test: <runs> executions over the
#        committed corpus, deterministic (-seed=1); prints the harness line
#        "fuzz-<name>: 1 passed, 0 failed, 1 negative" (fuzz input is hostile
#        input: the run counts as a negative test) and fails on any crash,
#        leak or sanitizer report.
#   run.sh fuzz <seconds> <bindir> <name>...   make fuzz: <seconds> in total,
#        split evenly across the targets, run one after the other; the
#        corpus grows in build/fuzz/work/<name> (the committed one is read
#        only); prints "fuzz <name>: <execs> execs in <s> s, <n> crashes"
#        per target and a total line; crash inputs go to build/fuzz/crashes.
#   run.sh seeds-write <gen>   regenerate the committed seeds
#   run.sh seeds-check <gen>   fail if the committed seeds differ from what
#        the generator writes (regress-* seeds are kept by hand)
set -u
here=$(cd "$(dirname "$0")" && pwd)
corpus=$here/corpus
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# "stat::number_of_executed_units: N" from -print_final_stats=1.
execs_of() {
	sed -nE 's/^stat::number_of_executed_units: *([0-9]+).*/\1/p' "$1" | tail -n 1
}

run_test() {
	local bindir=$1 name=$2 runs=$3
	local bin=$bindir/fuzz_$name work log rc execs
	work=$(mktemp -d "${TMPDIR:-/tmp}/fuzz-$name.XXXXXX")
	log=$work.log
	mkdir -p "$bindir/crashes"
	# New units go to the scratch directory first on the list, never to the repo.
	"$bin" -runs="$runs" -seed=1 -timeout=20 -print_final_stats=1 \
		-artifact_prefix="$bindir/crashes/$name-" "$work" "$corpus/$name" >"$log" 2>&1
	rc=$?
	execs=$(execs_of "$log")
	if [ "$rc" -ne 0 ]; then
		grep -E 'ERROR|SUMMARY|fuzz:|runtime error|Test unit written' "$log" | head -n 20
		echo "fuzz-$name: 0 passed, 1 failed, 1 negative (exit $rc after ${execs:-?} execs; log $log)"
		rm -rf "$work"
		return 1
	fi
	echo "fuzz-$name: $execs execs over $(ls "$corpus/$name" | wc -l) seeds, 0 crashes"
	echo "fuzz-$name: 1 passed, 0 failed, 1 negative"
	rm -rf "$work" "$log"
}

run_fuzz() {
	local total=$1 bindir=$2
	shift 2
	local n=$# each tot_execs=0 tot_crash=0 fails=0 name
	each=$((total / n))
	[ "$each" -ge 1 ] || each=1
	echo "fuzz: $n targets, $each s each ($total s in total)"
	for name in "$@"; do
		local work=$bindir/work/$name log=$bindir/fuzz-$name.log start end execs crashes rc
		mkdir -p "$work" "$bindir/crashes"
		start=$(date +%s)
		"$bindir/fuzz_$name" -max_total_time="$each" -timeout=20 -print_final_stats=1 \
			-artifact_prefix="$bindir/crashes/$name-" "$work" "$corpus/$name" >"$log" 2>&1
		rc=$?
		end=$(date +%s)
		execs=$(execs_of "$log")
		crashes=0
		if [ "$rc" -ne 0 ]; then
			crashes=1
			fails=$((fails + 1))
			grep -E 'ERROR|SUMMARY|fuzz:|runtime error|Test unit written' "$log" | head -n 20
		fi
		echo "fuzz $name: ${execs:-0} execs in $((end - start)) s, $crashes crashes" \
			"(corpus $(ls "$work" | wc -l) units; log $log)"
		tot_execs=$((tot_execs + ${execs:-0}))
		tot_crash=$((tot_crash + crashes))
	done
	echo "fuzz total: $tot_execs execs, $tot_crash crashes"
	[ "$fails" -eq 0 ]
}

# Generated seeds: everything in corpus/*/ except regress-* files.
seeds_write() {
	local gen=$1
	find "$corpus" -type f ! -name 'regress-*' -delete
	"$gen" "$corpus"
}

seeds_check() {
	local gen=$1 tmp rc
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/fuzz-seeds.XXXXXX")
	"$gen" "$tmp" || { echo "fuzz-seeds: 0 passed, 1 failed, 0 negative"; return 1; }
	diff -r -q -x 'regress-*' "$tmp" "$corpus"
	rc=$?
	if [ "$rc" -ne 0 ]; then
		rm -rf "$tmp"
		echo "seeds differ from tests/fuzz/gen_seeds.c: run make fuzz-seeds and commit"
		echo "fuzz-seeds: 0 passed, 2 failed, 1 negative"
		return 1
	fi
	# Negative: the comparison must notice one changed byte.
	printf 'x' | dd of="$tmp/spmc/$(ls "$tmp/spmc" | head -n 1)" bs=1 seek=3 conv=notrunc 2>/dev/null
	if diff -r -q -x 'regress-*' "$tmp" "$corpus" >/dev/null; then
		rm -rf "$tmp"
		echo "fuzz-seeds: 1 passed, 1 failed, 1 negative (a changed seed went unnoticed)"
		return 1
	fi
	rm -rf "$tmp"
	echo "fuzz-seeds: 2 passed, 0 failed, 1 negative"
}

case "${1:-}" in
test) run_test "$2" "$3" "$4" ;;
fuzz) shift; run_fuzz "$@" ;;
seeds-write) seeds_write "$2" ;;
seeds-check) seeds_check "$2" ;;
*) echo "usage: run.sh test|fuzz|seeds-write|seeds-check ..." >&2; exit 2 ;;
esac
