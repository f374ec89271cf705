#!/usr/bin/env bash
# UEFI variables in QEMU: two boots of the stock FF-A-module kernel (nVHE,
# the fastest cell) on one fresh flash file. Boot 1 writes a runtime counter
# and a boot-service-only variable through efivarfs and uefivar_mm, ends boot
# services and checks the BS-only variable vanished; boot 2 must read the
# counter back (persistence across a reboot) and repeats the EBS checks.
# Debian's efibootmgr (the real-clients overlay) writes Timeout in boot 1 and
# must read it back in boot 2.
# Ends with "uefivar-qemu: N passed, M failed".
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
name=uefivar-qemu
{ read -r kdir; read -r initrd; } < <("$top/tools/cell.sh" prepare -t "uefivar-test real-clients" stock/module/nvhe | tail -n 2)
[ -n "${initrd:-}" ] || { echo "$name: could not prepare the cell"; echo "$name: 0 passed, 1 failed"; exit 1; }
flash=$top/build/uefivar-qemu.flash
rm -f "$flash"
. "$top/tools/check-lib.sh"
has() { grep -Eq "$1" "$log"; }
for boot in 1 2; do
	log=$top/build/boot/$name-$boot.log
	set +e
	persist=set
	[ "$boot" -eq 2 ] && persist=check
	FFA_STACK_VARS=$flash "$top/tools/qemu-boot.sh" -l "$log" -a "real_clients.persist=$persist" \
		"$kdir" "$initrd" nvhe
	rc=$?
	set -e
	check "boot $boot: clean power-off (QEMU exit $rc)" test "$rc" -eq 0
	check "boot $boot: client registered efivars" has 'uefivar_mm.*efivarfs ready'
	for c in bound efivarfs write-rt write-bs read-bs ebs ebs-hides-bs ebs-keeps-rt \
		ebs-blocks-bs-write ebs-listing; do
		check "boot $boot: $c" has "ffa-stack: check uefivar-$c ok"
	done
	check "boot $boot: no failed uefivar check" sh -c "! grep -q 'check uefivar-.* fail' '$log'"
	check "boot $boot: store reported on the secure UART" \
		grep -Eq 'uefivar: [0-9]+ variables in secure flash bank 0' "$log.secure"
done
check "boot 2: counter persisted across the reboot" has 'check uefivar-persist ok previous-boots=1'
check "boot 1: efibootmgr wrote Timeout (real client)" \
	grep -q 'check real-efibootmgr-persist-set ok' "$top/build/boot/$name-1.log"
check "boot 2: efibootmgr's Timeout survived the reboot" has 'check real-efibootmgr-persist-check ok'
check "boot 2: the real clients all passed" has 'check real_efivar ok'
check "boot 2: last boot's BS-only variable visible before EBS" \
	has 'check uefivar-bs-visible-before-ebs ok'
grep -hE 'uefivar' "$log" "$log.secure" | sed 's/^/   | /' | head -24
echo "$name: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
