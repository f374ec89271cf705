#!/usr/bin/env bash
# Runs each test program or command given as an argument, shows its output,
# and adds up the "<suite>: N passed, M failed" lines they end with. A
# program that exits non-zero or prints no such line counts as one failure,
# so a crash can never pass silently. Ends with the total line.
set -u
total_pass=0
total_fail=0
total_neg=0
for t in "$@"; do
	t=${t//^/ }
	echo "== $t"
	out=$(bash -c "$t" 2>&1)
	rc=$?
	printf '%s\n' "$out" | grep -v -E '^[A-Za-z0-9_./-]+: [0-9]+ passed, [0-9]+ failed' | tail -n 40
	line=$(printf '%s\n' "$out" | grep -E '^[A-Za-z0-9_./-]+: [0-9]+ passed, [0-9]+ failed' | tail -n 1)
	if [ -z "$line" ]; then
		echo "   $t: no summary line (exit $rc): counted as 1 failure"
		total_fail=$((total_fail + 1))
		continue
	fi
	echo "   $line"
	p=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")
	f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
	n=$(sed -nE 's/.* ([0-9]+) negative.*/\1/p' <<<"$line")
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	total_neg=$((total_neg + ${n:-0}))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "   $t: exit $rc with no failed test: counted as 1 failure"
		total_fail=$((total_fail + 1))
	fi
done
echo "negative tests: $total_neg of $((total_pass + total_fail))"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
