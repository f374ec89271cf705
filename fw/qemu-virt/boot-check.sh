#!/usr/bin/env bash
# Boots fw.bin in QEMU in configurations Linux cannot boot from and checks
# that the firmware says what is wrong and powers the machine off (QEMU
# exits 0 on its own, within 20 s) instead of hanging; and that a variable
# store holding foreign data is reported and left alone. With a smoke image
# (build/tests/fw-smoke.bin, tests/fw/smoke/) it also boots that as the
# kernel: SMC services and a secondary CPU's CPU_ON/CPU_OFF/CPU_ON cycle,
# checked from EL2, then a warm reset and the same again, then power off.
#   usage: fw/qemu-virt/boot-check.sh [fw.bin [fw-smoke.bin]]
# Ends with "fw-boot: N passed, M failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
"$top/tools/setup.sh" qemu || { echo "fw-boot: could not install QEMU (tools/setup.sh qemu)"; echo "fw-boot: 0 passed, 1 failed"; exit 1; }
fw=${1:-$top/build/fw.bin}
smoke=${2:-}
[ -f "$fw" ] || { echo "fw-boot: $fw missing: run make fw" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# boot <name> <expected console line (fixed string)> <extra QEMU args...>
boot() {
	local name=$1 want=$2 machine=virt,secure=on,virtualization=on,gic-version=3
	shift 2
	if [ "${1:-}" = --machine ]; then machine=$2; shift 2; fi
	local log=$tmp/$name.log rc
	timeout -k 2 20 qemu-system-aarch64 -machine "$machine" -cpu max -smp 4 -m 1G \
		-bios "$fw" -display none -serial "file:$log" -monitor none -no-reboot \
		"$@" </dev/null >"$tmp/$name.out" 2>&1
	rc=$?
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		echo "   FAIL $name: no power-off within 20 s"; fail=$((fail + 1))
	elif [ "$rc" -ne 0 ]; then
		echo "   FAIL $name: QEMU exit $rc: $(head -c 300 "$tmp/$name.out")"; fail=$((fail + 1))
	elif ! grep -qF -- "$want" "$log"; then
		echo "   FAIL $name: console lacks '$want':"; sed 's/^/      | /' "$log"
		fail=$((fail + 1))
	else
		echo "   ok   $name: '$want', powered off"; pass=$((pass + 1))
	fi
}

boot no-kernel "fw: kernel not found in fw_cfg: pass -kernel"
head -c 65536 /dev/zero >"$tmp/not-an-image"
head -c $((20 << 20)) /dev/zero >"$tmp/big-initrd"
boot bad-kernel "fw: kernel is not an arm64 Image" -kernel "$tmp/not-an-image"
boot no-el2 "fw: this CPU has no EL2" --machine virt,secure=on,virtualization=off,gic-version=3
boot gicv2 "fw: no GICv3 CPU interface" --machine virt,secure=on,virtualization=on,gic-version=2
# The banner comes before the failure: the CPU count comes from the DTB.
boot banner "fw: ffa-stack EL3 firmware on QEMU virt: 4 CPUs, 1024 MiB RAM at 0x40000000"

if [ -n "$smoke" ]; then
	# Secure flash bank 0 as tools/qemu-boot.sh builds it: the image at 0, the
	# variable store at 4 MiB, here overwritten by another program (a boot
	# loader's environment). The firmware must say so on both consoles and
	# leave every byte of it as it was.
	flash=$tmp/flash0.img
	truncate -s 64M "$flash"
	dd if="$fw" of="$flash" conv=notrunc 2>/dev/null
	printf 'bootcmd=run distro_bootcmd\0bootdelay=2\0' | dd of="$flash" bs=1 seek=$((4 << 20)) conv=notrunc 2>/dev/null
	dd if="$flash" bs=1M skip=4 count=1 2>/dev/null | sha256sum >"$tmp/store.before"
	timeout -k 2 20 qemu-system-aarch64 -machine virt,secure=on,virtualization=on,gic-version=3 -cpu max \
		-smp 4 -m 1G -drive "if=pflash,unit=0,format=raw,file=$flash" -kernel "$smoke" -display none \
		-serial "file:$tmp/foreign.log" -serial "file:$tmp/foreign.sec" -monitor none -no-reboot \
		</dev/null >"$tmp/foreign.out" 2>&1
	dd if="$flash" bs=1M skip=4 count=1 2>/dev/null | sha256sum >"$tmp/store.after"
	want="uefivar: the variable store (flash bank 0 at 0x400000, 512 KiB) holds data it did not write"
	if grep -qF "fw: $want" "$tmp/foreign.log" && grep -qF "fw: $want" "$tmp/foreign.sec" &&
	   cmp -s "$tmp/store.before" "$tmp/store.after"; then
		echo "   ok   foreign-store: reported on both consoles, store bytes unchanged"; pass=$((pass + 1))
	else
		echo "   FAIL foreign-store: report or bytes:"; sed 's/^/      | /' "$tmp/foreign.log" "$tmp/foreign.sec"
		fail=$((fail + 1))
	fi
	# The last -m wins: 16 MiB cannot hold a 20 MiB initrd.
	boot too-little-ram "fw: initrd does not fit in RAM after the kernel" -m 16M \
		-kernel "$smoke" -initrd "$tmp/big-initrd"
	# No -no-reboot: the smoke kernel asks for SYSTEM_RESET once, then OFF.
	log=$tmp/smoke.log
	timeout -k 2 20 qemu-system-aarch64 -machine virt,secure=on,virtualization=on,gic-version=3 \
		-cpu max -smp 4 -m 1G -bios "$fw" -kernel "$smoke" -display none \
		-serial "file:$log" -serial "file:$tmp/smoke.sec" -monitor none </dev/null \
		>"$tmp/smoke.out" 2>&1
	rc=$?
	rounds=$(grep -Ec '^smoke: [0-9]+ passed, 0 failed' "$log")
	if [ "$rc" -eq 0 ] && [ "$rounds" -eq 2 ] && grep -q '^smoke: warm boot' "$log" &&
	   ! grep -q FAIL "$log" && grep -q 'PSCI SYSTEM_RESET' "$tmp/smoke.sec"; then
		echo "   ok   smoke: services and CPU_ON/OFF from EL2, cold and after a warm reset"
		pass=$((pass + 1))
	else
		echo "   FAIL smoke: exit $rc, $rounds clean rounds:"; sed 's/^/      | /' "$log"
		fail=$((fail + 1))
	fi
fi
echo "fw-boot: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
