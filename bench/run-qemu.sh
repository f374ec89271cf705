#!/usr/bin/env bash
# The QEMU half of `make bench`: boots one kernel variant (FF-A as a module)
# with -icount shift=0, once nvhe (the driver talks to the SPMC directly) and
# once protected (every call through pKVM's FF-A proxy). In each boot
# /tests/ffa-bench drives ffa_test's "bench" file, which times direct
# messages and share/reclaim in CNTVCT_EL0 ticks; the console lines are
# collected into <out>/qemu-<variant>-<module|builtin>.json.
#   usage: bench/run-qemu.sh <out dir> [variant]
# variant defaults to `ours` when linux/patches/ours exists, else `stock`.
# BENCH_FFA=builtin measures the FF-A built-in kernel instead (ffa_test,
# with its bench file, is then built into the kernel: no module is loaded).
# BENCH_ECHO (default 1000) sets the round trips, BENCH_TIMEOUT the seconds
# each boot may take (default 3 x FFA_STACK_TIMEOUT: -icount is slow).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: run-qemu.sh <out dir> [variant]}
variant=${2:-}
if [ -z "$variant" ]; then
	if [ -d "$top/linux/patches/ours" ]; then variant=ours; else variant=stock; fi
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
"$top/tools/setup.sh" qemu fw
ffa=${BENCH_FFA:-module}
case $ffa in module|builtin) ;; *) echo "run-qemu: BENCH_FFA must be module or builtin" >&2; exit 2;; esac
mods=$out/qemu-$variant-$ffa
mkdir -p "$mods"
aarch64-linux-gnu-gcc -std=c11 -static -O2 -Wall -Wextra -Werror -Wvla -Wshadow \
	-Wstrict-prototypes -Wmissing-prototypes -DFFA_BENCH_ECHO="\"${BENCH_ECHO:-1000}\"" \
	-o "$mods/ffa-bench" "$top/linux/tests/ffa-bench.c"
# The cell as every boot prepares it (tools/cell.sh), with only ffa-bench in /tests.
{ read -r kdir; read -r initrd; } < <("$top/tools/cell.sh" prepare -t none -x "$mods/ffa-bench" \
	"$variant/$ffa/nvhe" | tail -n 2)
[ -n "${initrd:-}" ] || { echo "run-qemu: cell $variant/$ffa did not prepare; try BENCH_VARIANT=stock" >&2; exit 1; }
logs=()
for mode in nvhe protected; do
	log=$out/qemu-$variant-$ffa-$mode.log
	echo "run-qemu: booting $variant/$ffa/$mode with -icount shift=0 (log $log)" >&2
	FFA_STACK_QEMU_EXTRA="-icount shift=0" "$top/tools/qemu-boot.sh" \
		-t "${BENCH_TIMEOUT:-$((3 * ${FFA_STACK_TIMEOUT:-300}))}" -l "$log" "$kdir" "$initrd" "$mode" ||
		echo "run-qemu: $mode boot ended with status $? (see $log)" >&2
	logs+=("$mode=$log")
done
"$top/bench/report.py" --qemu "$variant/$ffa" "$out/qemu-$variant-$ffa.json" "${logs[@]}"
