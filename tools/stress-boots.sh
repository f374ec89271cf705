#!/usr/bin/env bash
# SMP stress across pKVM's installation, repeated: boots <variant> with FF-A
# built in under kvm-arm.mode=protected N times with ffa_test.stress=1 (one
# thread per CPU sending direct messages from rootfs_initcall to
# late_initcall) and checks each boot's "ffa_test: stress:" line: calls on
# all 4 CPUs, some after pKVM finalised, none failed.
#   usage: tools/stress-boots.sh [-n boots] [variant]   (default: 20, ours)
# Ends with "stress-boots-<variant>: N passed, M failed" (one per boot).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
boots=20
[ "${1:-}" = -n ] && { boots=$2; shift 2; }
variant=${1:-ours}
# No test programs: /init only has to reach userspace and power off.
{ read -r kdir; read -r initrd; } < <("$top/tools/cell.sh" prepare -t none "$variant/builtin/protected" | tail -n 2)
[ -n "${initrd:-}" ] || { echo "stress-boots-$variant: could not prepare the cell"; exit 1; }
pass=0 fail=0 calls_total=0
for i in $(seq 1 "$boots"); do
	log=$top/build/stress/$variant-$i.log
	set +e
	FFA_STACK_NO_TPM=1 "$top/tools/qemu-boot.sh" -l "$log" -a "ffa_test.stress=1" \
		"$kdir" "$initrd" protected
	rc=$?
	set -e
	line=$(grep -o 'ffa_test: stress: [0-9]* calls.*' "$log" | head -n 1 || true)
	read -r calls cpus after failed < <(echo "$line" | sed -n \
		's/.*stress: \([0-9]*\) calls on \([0-9]*\) CPUs, \([0-9]*\) after pKVM finalised, \([0-9]*\) failed.*/\1 \2 \3 \4/p') ||
		{ calls=0 cpus=0 after=0 failed=-1; }
	if [ "$rc" -eq 0 ] && [ "${failed:--1}" = 0 ] && [ "${cpus:-0}" -ge 4 ] &&
		[ "${after:-0}" -gt 0 ] && [ "${calls:-0}" -gt "${after:-0}" ]; then
		pass=$((pass + 1))
		calls_total=$((calls_total + calls))
		echo "   ok   boot $i: $calls calls on $cpus CPUs, $after after pKVM finalised, 0 failed"
	else
		fail=$((fail + 1))
		echo "   FAIL boot $i (QEMU exit $rc): ${line:-no stress line} (log $log)"
	fi
done
echo "   $calls_total direct messages in $pass clean boots"
echo "stress-boots-$variant: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
