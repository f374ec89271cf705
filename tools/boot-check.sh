#!/usr/bin/env bash
# Boots one cell (kernel variant x FF-A built-in/module x pKVM mode) and
# checks what the console shows: hypervisor mode initialised, the kernel's
# FF-A driver found our firmware, the partitions it enumerated, 4 CPUs
# online, /init finished and QEMU exited 0 through PSCI SYSTEM_OFF.
#   usage: tools/boot-check.sh [-q] <variant> <builtin|module> <protected|nvhe>
#   -q  print only the check lines and the summary (for make test)
# Ends with "boot-<variant>-<ffa>-<mode>: N passed, M failed".
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
quiet=0
[ "${1:-}" = -q ] && { quiet=1; shift; }
variant=${1:?usage: boot-check.sh [-q] <variant> <builtin|module> <protected|nvhe>}
ffa=${2:?}
mode=${3:?}
name=boot-$variant-$ffa-$mode
{ read -r kdir; read -r initrd; } < <("$top/tools/cell.sh" prepare -t none "$variant/$ffa/$mode" | tail -n 2)
[ -n "${initrd:-}" ] || { echo "$name: could not prepare the cell (see above)"; echo "$name: 0 passed, 1 failed"; exit 1; }
log=$top/build/boot/$name.log
start=$(date +%s)
set +e
"$top/tools/qemu-boot.sh" -l "$log" "$kdir" "$initrd" "$mode"
rc=$?
set -e
secs=$(( $(date +%s) - start ))
pass=0 fail=0
check() { # name, then a command that succeeds when the property holds
	local what=$1
	shift
	if "$@" >/dev/null 2>&1; then
		pass=$((pass + 1)); echo "   ok   $what"
	else
		fail=$((fail + 1)); echo "   FAIL $what"
	fi
}
has() { grep -Eq "$1" "$log"; }
if [ "$mode" = protected ]; then
	check "pKVM protected mode initialised" has 'Protected [hn]VHE mode initialized successfully'
else
	check "KVM nVHE mode initialised (no proxy)" has 'Hyp nVHE mode initialized successfully'
fi
check "kernel FF-A driver found the firmware" has 'ARM FF-A: Firmware version 1\.[0-9]+ found'
check "test partition enumerated on the arm_ffa bus" has 'ffa-stack: ffa-device .* uuid=5f3a1b7e-9c2d-4e8f-a601-ffa57ac4e500'
check "4 CPUs online" has 'ffa-stack: cpus-online 4$'
check "/init finished" has 'ffa-stack: done'
check "clean power-off (QEMU exit 0, got $rc)" test "$rc" -eq 0
if [ "$quiet" -eq 0 ]; then
	echo "-- $name: ${secs}s wall, log $log"
	grep -E 'VHE mode initialized|ARM FF-A:|ffa-stack:' "$log" | sed 's/^/   | /' || true
fi
echo "$name: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
