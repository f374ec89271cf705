#!/usr/bin/env bash
# The aarch64 half of the SPMC figures: boots the firmware (fw.bin) in QEMU
# with -icount shift=0 and the smoke image's benchmark build as the kernel
# (bench/fw_bench.c), which times N FF-A calls from EL2 in CNTVCT ticks.
# With shift=0 one guest instruction is one nanosecond of virtual time, so
# instructions = ticks * 1e9 / CNTFRQ; writes them per call to <out.json>.
#   usage: bench/run-fw.sh <fw.bin> <fw-bench.bin> <out.json>
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
fw=${1:?usage: run-fw.sh <fw.bin> <fw-bench.bin> <out.json>}
img=${2:?usage: run-fw.sh <fw.bin> <fw-bench.bin> <out.json>}
out=${3:?usage: run-fw.sh <fw.bin> <fw-bench.bin> <out.json>}
"$top/tools/setup.sh" qemu
log=${out%.json}.log
rm -f "$log"
nice -n 10 timeout -k 2 120 qemu-system-aarch64 \
	-machine virt,secure=on,virtualization=on,gic-version=3 -cpu max -smp 1 -m 1G \
	-icount shift=0 -bios "$fw" -kernel "$img" -display none -serial "file:$log" \
	-monitor none -no-reboot </dev/null >"${log%.log}.qemu.out" 2>&1 || {
	echo "run-fw: QEMU failed or timed out (log $log, ${log%.log}.qemu.out)" >&2
	exit 1
}
"$top/bench/report.py" --fw "$log" "$out"
