#!/usr/bin/env bash
# Boots one configuration of the system in QEMU: our EL3 firmware
# (build/fw.bin) loads the kernel, initramfs and command line from fw_cfg.
#   usage: tools/qemu-boot.sh [-i] [-t seconds] [-l log] [-a "extra args"] <kernel dir> <initramfs> <protected|nvhe>
#   -i  interactive (console on this terminal, no timeout)
#   -t  seconds until a hung boot is stopped (default $FFA_STACK_TIMEOUT, 300)
# UEFI variables persist in flash bank 1, the file $FFA_STACK_VARS (default
# build/uefivars.flash, created sparse at QEMU's 64 MiB if missing);
# FFA_STACK_VARS=none boots without it.
# FFA_STACK_QEMU_EXTRA adds QEMU arguments (e.g. "-icount shift=0" for the
# deterministic virtual time the benchmarks use).
# The firmware's secure UART goes to <log>.secure. Exit status is QEMU's, or
# 124 when the timeout stopped a hung boot. A TPM 2.0 (swtpm, state in
# build/tpm/<log name>-<hash>/, one per log so parallel boots never share
# one) is attached as QEMU's tpm-tis-device unless FFA_STACK_NO_TPM=1.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
interactive=0 timeout=${FFA_STACK_TIMEOUT:-300} log= extra=
while getopts "it:l:a:" o; do
	case $o in
	i) interactive=1 ;;
	t) timeout=$OPTARG ;;
	l) log=$OPTARG ;;
	a) extra=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 3 ] || { sed -n 's/^#   usage: //p' "$0" >&2; exit 2; }
kdir=$1 initrd=$2 mode=$3
fw=${FFA_STACK_FW:-$top/build/fw.bin}
case $mode in protected|nvhe) ;; *) echo "qemu-boot: mode must be protected or nvhe" >&2; exit 2;; esac
[ -f "$fw" ] || { echo "qemu-boot: firmware $fw missing: run make fw" >&2; exit 1; }
[ -f "$kdir/Image" ] || { echo "qemu-boot: $kdir/Image missing: run tools/build-kernel.sh" >&2; exit 1; }
[ -f "$initrd" ] || { echo "qemu-boot: initramfs $initrd missing: run tools/mkinitramfs.sh" >&2; exit 1; }
"$top/tools/setup.sh" qemu
log=${log:-$top/build/boot-$mode.log}
mkdir -p "$(dirname "$log")"
append="console=ttyAMA0 kvm-arm.mode=$mode panic=-1 $extra"
qemu=(qemu-system-aarch64 -machine virt,secure=on,virtualization=on,gic-version=3
	-cpu max -smp 4 -m 1G -bios "$fw" -kernel "$kdir/Image" -initrd "$initrd"
	-append "$append" -display none -no-reboot)
vars=${FFA_STACK_VARS:-$top/build/uefivars.flash}
if [ "$vars" != none ]; then
	mkdir -p "$(dirname "$vars")"
	[ -f "$vars" ] || truncate -s 64M "$vars"
	[ "$(stat -c %s "$vars")" -eq $((64 << 20)) ] ||
		{ echo "qemu-boot: $vars is not 64 MiB (QEMU's flash bank size): delete it to start over" >&2; exit 1; }
	qemu+=(-drive "if=pflash,unit=1,format=raw,file=$vars")
fi
if [ -n "${FFA_STACK_QEMU_EXTRA:-}" ]; then
	read -ra qextra <<<"$FFA_STACK_QEMU_EXTRA"
	qemu+=("${qextra[@]}")
fi
swtpm_pid=
if [ "${FFA_STACK_NO_TPM:-0}" != 1 ]; then
	tpmdir=$top/build/tpm/$(basename "$log" .log)-$(printf '%s' "$log" | sha256sum | cut -c1-8)
	mkdir -p "$tpmdir"
	rm -f "$tpmdir/sock"
	swtpm socket --tpm2 --tpmstate "dir=$tpmdir" --ctrl "type=unixio,path=$tpmdir/sock" \
		--log "file=$tpmdir/swtpm.log" &
	swtpm_pid=$!
	# swtpm may already have left with QEMU: nothing here may fail (set -e
	# would turn that into this script's exit status).
	trap 'kill "$swtpm_pid" 2>/dev/null || true; wait "$swtpm_pid" 2>/dev/null || true' EXIT
	for _ in $(seq 100); do [ -S "$tpmdir/sock" ] && break; sleep 0.05; done
	[ -S "$tpmdir/sock" ] || { echo "qemu-boot: swtpm did not start (see $tpmdir/swtpm.log)" >&2; exit 1; }
	qemu+=(-chardev "socket,id=chrtpm,path=$tpmdir/sock" -tpmdev emulator,id=tpm0,chardev=chrtpm
		-device tpm-tis-device,tpmdev=tpm0)
fi
if [ "$interactive" -eq 1 ]; then
	"${qemu[@]}" -serial mon:stdio -serial "file:$log.secure"
	exit
fi
set +e
timeout --foreground -k 5 "$timeout" "${qemu[@]}" -serial "file:$log" -serial "file:$log.secure" \
	-monitor none </dev/null
rc=$?
set -e
# The PL011 console ends lines with CR LF; checks match on line ends.
sed -i 's/\r$//' "$log" "$log.secure" 2>/dev/null || true
[ "$rc" -eq 124 ] && echo "qemu-boot: no power-off within ${timeout}s: stopped (see $log)" >&2
exit "$rc"
