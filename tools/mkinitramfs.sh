#!/usr/bin/env bash
# Packs an initramfs for one kernel build: our static /init, Debian's arm64
# busybox (the shell of `make run`; tools/arm64-root.sh fetches it, never the
# host's x86-64 one), the kernel's FF-A modules when FF-A is a module, and any
# extra modules and test programs given.
#   usage: tools/mkinitramfs.sh <kernel cache dir> <out.cpio.gz> [extra .ko or test program]...
# A *.ko argument is loaded by /init (after the FF-A modules); anything else
# is installed as an executable under /tests and run by /init.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
kdir=${1:?usage: mkinitramfs.sh <kernel cache dir> <out.cpio.gz> [extra]...}
out=${2:?usage: mkinitramfs.sh <kernel cache dir> <out.cpio.gz> [extra]...}
shift 2
[ -f "$kdir/ready" ] || { echo "mkinitramfs: $kdir is not a finished kernel build (run tools/build-kernel.sh)" >&2; exit 1; }
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage"/{bin,etc,lib/modules,tests,proc,sys,dev,tmp}
aarch64-linux-gnu-gcc -std=gnu11 -static -O2 -Wall -Wextra -Werror \
	-o "$stage/init" "$top/linux/initramfs/init.c"
"$top/tools/setup.sh" fw
arm64=$("$top/tools/arm64-root.sh" base | tail -n 1)
install -m 0755 "$arm64/rootfs/bin/busybox" "$stage/bin/busybox"
for applet in sh ash ls cat echo dmesg mount umount grep egrep head tail poweroff reboot sed awk \
	cut wc ps kill sleep mkdir rmdir rm cp mv ln chmod hexdump od dd find xargs sort uniq tr \
	test [ printf env uname vi less free df du stat true false sync id which clear mknod \
	insmod rmmod lsmod modprobe tee touch date basename dirname readlink realpath mktemp cmp join; do
	ln -s busybox "$stage/bin/$applet"
done
: >"$stage/etc/modules"
# FF-A as a module: the bus core first, then the driver that probes it;
# FFA_STACK_NO_FFA_DRIVER=1 leaves them out (tools/spmc-diff.py's prober
# must be the only FF-A caller).
if grep -q '^CONFIG_ARM_FFA_TRANSPORT=m' "$kdir/config" && [ "${FFA_STACK_NO_FFA_DRIVER:-0}" != 1 ]; then
	mods="ffa-core ffa-module"
	# OP-TEE's driver after them, where the kernel builds it as a module.
	grep -q '^CONFIG_OPTEE=m' "$kdir/config" && mods="$mods tee optee"
	for m in $mods; do
		ko=$(find "$kdir/mods" -name "$m.ko" | head -n 1)
		[ -n "$ko" ] || { echo "mkinitramfs: $m.ko missing from $kdir/mods" >&2; exit 1; }
		cp "$ko" "$stage/lib/modules/"
		echo "$m.ko" >>"$stage/etc/modules"
	done
fi
for extra in "$@"; do
	case $extra in
	*.ko)
		cp "$extra" "$stage/lib/modules/"
		basename "$extra" >>"$stage/etc/modules"
		;;
	*)
		install -m 0755 "$extra" "$stage/tests/"
		;;
	esac
done
mkdir -p "$(dirname "$out")"
(cd "$stage" && find . | LC_ALL=C sort | cpio -o -H newc --owner root:root --quiet) | gzip -9 >"$out.tmp"
mv "$out.tmp" "$out"
