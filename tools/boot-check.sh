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
# shellcheck source=tools/check-lib.sh
. "$top/tools/check-lib.sh"
prepare_cell "$name" none "$variant/$ffa/$mode"
log=$top/build/boot/$name.log
start=$(date +%s)
boot -l "$log" "$kdir" "$initrd" "$mode"
secs=$(( $(date +%s) - start ))
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
summary "$name"
