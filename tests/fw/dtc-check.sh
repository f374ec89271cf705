#!/usr/bin/env bash
# The firmware's device tree edits, checked by an independent parser: dump
# the DTB QEMU virt gives a -bios firmware, apply the edits with
# fw-dtb-fixup (the firmware's own code), decompile with dtc and look for
# what Linux needs. Ends with "fw-dtc: N passed, M failed".
#   usage: tests/fw/dtc-check.sh <path to fw-dtb-fixup>
set -uo pipefail
tool=${1:?usage: dtc-check.sh <fw-dtb-fixup>}
top=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=tools/check-lib.sh
. "$top/tools/check-lib.sh"
"$top/tools/setup.sh" qemu || { echo "fw-dtc: could not install QEMU and dtc (tools/setup.sh qemu)"; echo "fw-dtc: 0 passed, 1 failed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
has() { grep -Eq -- "$1" "$tmp/out.dts"; }
count_is() { [ "$(grep -Ec -- "$1" "$tmp/out.dts")" -eq "$2" ]; }

head -c 4096 /dev/zero >"$tmp/bios.bin"
qemu-system-aarch64 -machine virt,secure=on,virtualization=on,gic-version=3,dumpdtb="$tmp/virt.dtb" \
	-cpu max -smp 4 -m 1G -bios "$tmp/bios.bin" -display none >/dev/null 2>&1
check "QEMU dumped its DTB" test -s "$tmp/virt.dtb"
check "fw-dtb-fixup edited it" "$tool" "$tmp/virt.dtb" "$tmp/out.dtb"
check "dtc decompiles the result" sh -c "dtc -q -I dtb -O dts -o '$tmp/out.dts' '$tmp/out.dtb'"
check "dtc recompiles the source" sh -c "dtc -q -I dts -O dtb -o '$tmp/again.dtb' '$tmp/out.dts'"
check "/psci compatible" has 'compatible = "arm,psci-1.0\\0arm,psci-0.2\\0arm,psci";'
check "/psci method smc" has 'method = "smc";'
check "enable-method on all 4 cpus" count_is 'enable-method = "psci";' 4
check "initrd start" has 'linux,initrd-start = <0x00 0x48000000>;'
check "initrd end" has 'linux,initrd-end = <0x00 0x48123456>;'
# Without -kernel QEMU passes no -append: the fw_cfg command line fills in.
check "bootargs from fw_cfg when QEMU gave none" has 'bootargs = "console=ttyAMA0 from-fw-cfg";'
check "no fdt warnings from dtc" sh -c "dtc -I dtb -O dts -o /dev/null '$tmp/out.dtb' 2>&1 | \
	grep -v 'unit_address_vs_reg\|simple_bus_reg\|avoid_unnecessary_addr_size\|unique_unit_address\|interrupt_provider\|^\$' | \
	grep -q . && exit 1 || exit 0"
check "reserved-memory carveout" has 'ffa-test@7f000000 \{'
check "carveout reg" has 'reg = <0x00 0x7f000000 0x00 0x200000>;'
check "carveout no-map" has 'no-map;'
check "QEMU's own nodes intact" has 'pl011@9000000 \{'
summary fw-dtc
