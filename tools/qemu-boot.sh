#!/usr/bin/env bash
# Boots one configuration of the system in QEMU: our EL3 firmware
# (build/fw.bin) loads the kernel, initramfs and command line from fw_cfg.
#   usage: tools/qemu-boot.sh [-i] [-t seconds] [-l log] [-a "extra args"] <kernel dir> <initramfs> <protected|nvhe>
#   -i  interactive (console on this terminal, no timeout)
#   -t  seconds until a hung boot is stopped (default $FFA_STACK_TIMEOUT, 300)
# The firmware and the UEFI variable store share secure flash bank 0: the
# file $FFA_STACK_VARS (default build/secure-flash.img, 64 MiB, sparse) gets
# the firmware written at 0 on every boot and keeps the store at 4 MiB
# across boots. A file in the old layout (the store at 0, for flash bank 1:
# build/uefivars.flash before) is converted once, the original kept beside
# it. FFA_STACK_VARS=none boots the firmware with -bios and no persistent
# store; FFA_STACK_VARS_FORMAT=1 lets the firmware format a store that holds
# foreign data (it refuses otherwise). FFA_STACK_DEBUG=1 makes the firmware
# log the reason of every refused call on the secure UART.
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
	-cpu max -smp 4 -m 1G -kernel "$kdir/Image" -initrd "$initrd"
	-append "$append" -display none -no-reboot)
store_off=$((4 << 20)) store_size=$((512 << 10)) sig="ffa-stack EL3 image"
# secure_flash <file>: firmware at 0, the store kept (converted from the
# bank-1 layout when the file has one); never drops a byte it cannot place.
secure_flash() {
	local f=$1 old
	[ "$(stat -c %s "$fw")" -le "$store_off" ] || { echo "qemu-boot: $fw is larger than 4 MiB" >&2; exit 1; }
	if [ -f "$f" ] && [ "$(stat -c %s "$f")" -ne $((64 << 20)) ]; then
		echo "qemu-boot: $f is not 64 MiB (QEMU's flash bank size): move it away to start over" >&2; exit 1
	fi
	if [ -f "$f" ] && [ "$(dd if="$f" bs=1 skip=1024 count=${#sig} 2>/dev/null | tr -d '\0')" != "$sig" ] &&
	   [ -n "$(dd if="$f" bs=64K count=64 2>/dev/null | tr -d '\0' | head -c 1)" ]; then
		old=$f.bank1-$(date +%Y%m%d%H%M%S)
		cp --sparse=always "$f" "$old"
		if [ "$(head -c 4 "$f" | tr -d '\0')" = uBnK ] ||
		   [ "$(dd if="$f" bs=256K skip=1 count=1 2>/dev/null | head -c 4 | tr -d '\0')" = uBnK ]; then
			dd if="$old" of="$f" bs=512K count=1 seek=$((store_off / (512 << 10))) conv=notrunc 2>/dev/null
			echo "qemu-boot: $f held the variable store in the old flash-bank-1 layout: moved it to" \
				"secure flash bank 0 (offset 4 MiB, after the firmware); the original is $old" >&2
		else
			echo "qemu-boot: $f holds no firmware image and no variable store at 0 (another" \
				"program's flash?): kept as $old; its first 4 MiB now hold the firmware, the" \
				"rest is as it was" >&2
		fi
		dd if=/dev/zero of="$f" bs=1M count=4 conv=notrunc 2>/dev/null
	fi
	[ -f "$f" ] || truncate -s 64M "$f"
	dd if="$fw" of="$f" conv=notrunc 2>/dev/null
}
vars=${FFA_STACK_VARS:-$top/build/secure-flash.img}
if [ "$vars" = none ]; then
	qemu+=(-bios "$fw")
else
	mkdir -p "$(dirname "$vars")"
	legacy=$top/build/uefivars.flash
	if [ -z "${FFA_STACK_VARS:-}" ] && [ ! -f "$vars" ] && [ -f "$legacy" ]; then
		echo "qemu-boot: converting $legacy (flash bank 1, the old store location) into $vars" >&2
		cp --sparse=always "$legacy" "$vars"
	fi
	secure_flash "$vars"
	qemu+=(-drive "if=pflash,unit=0,format=raw,file=$vars")
	[ "${FFA_STACK_VARS_FORMAT:-0}" != 1 ] ||
		qemu+=(-fw_cfg name=opt/ffa-stack/uefivar-format,string=foreign)
fi
# FFA_STACK_DEBUG=1: the firmware logs why each FF-A call it refuses was refused.
[ "${FFA_STACK_DEBUG:-0}" != 1 ] || qemu+=(-fw_cfg name=opt/ffa-stack/debug,string=1)
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
