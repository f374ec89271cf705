#!/usr/bin/env bash
# The real clients of the services, for the guest: Debian's arm64 tpm2-tools,
# efivar, efibootmgr, mokutil, bash, chattr and Python (tools/arm64-root.sh
# clients) with Linux 6.12's own tpm2 and efivarfs selftests,
# each program with the ELF closure of its NEEDED libraries, the TSS2 device
# TCTI (loaded at run time, so no NEEDED names it) and the dynamic loader,
# plus the runner linux/clients/real-clients as /tests/real-clients. Packed
# as a gzipped cpio to append to a cell's initramfs (the kernel unpacks
# concatenated archives in order). Cached next to the unpacked packages, by
# their versions and by this script and the runner.
#   usage: tools/clients-overlay.sh      prints the overlay's path last
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/setup.sh" fw >&2
root=$("$top/tools/arm64-root.sh" clients | tail -n 1)
rootfs=$root/rootfs
key=$( { cat "$0" "$top/linux/clients/real-clients"; dpkg-query -W -f='${Version}' linux-source-6.12; } |
	sha256sum | cut -c1-16)
out=$root/overlay-$key.cpio.gz
if [ -f "$out" ]; then
	echo "$out"
	exit 0
fi
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
progs=(usr/bin/tpm2 usr/bin/efivar bin/efibootmgr usr/bin/mokutil bin/bash usr/bin/chattr
	usr/lib/aarch64-linux-gnu/libtss2-tcti-device.so.0 usr/bin/python3.11)
# Python's standard library, with its extension modules (their libraries
# join the closure below).
pylib=usr/lib/python3.11
for so in "$rootfs/$pylib"/lib-dynload/*.so; do
	progs+=("${so#"$rootfs"/}")
done
copy() { # one path of the root, and what a symlink points at
	local rel=$1 dst
	[ -e "$rootfs/$rel" ] || [ -L "$rootfs/$rel" ] ||
		{ echo "clients-overlay: $rel is not in the arm64 packages ($rootfs)" >&2; exit 1; }
	dst=$stage/$rel
	[ -e "$dst" ] || [ -L "$dst" ] && return 0
	mkdir -p "$(dirname "$dst")"
	cp -P "$rootfs/$rel" "$dst"
	if [ -L "$rootfs/$rel" ]; then
		local target
		target=$(readlink "$rootfs/$rel")
		case $target in
		/*) copy "${target#/}" ;;
		*) copy "$(dirname "$rel")/$target" ;;
		esac
	fi
}
libdirs=(lib/aarch64-linux-gnu usr/lib/aarch64-linux-gnu)
find_lib() {
	local d
	for d in "${libdirs[@]}"; do
		[ -e "$rootfs/$d/$1" ] && { echo "$d/$1"; return 0; }
	done
	echo "clients-overlay: library $1 not found in the arm64 packages" >&2
	exit 1
}
queue=("${progs[@]}" lib/ld-linux-aarch64.so.1)
declare -A seen=()
while [ ${#queue[@]} -gt 0 ]; do
	rel=${queue[0]}
	queue=("${queue[@]:1}")
	[ -n "${seen[$rel]+x}" ] && continue
	seen[$rel]=1
	copy "$rel"
	real=$(readlink -f "$rootfs/$rel")
	for lib in $(aarch64-linux-gnu-readelf -d "$real" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
		queue+=("$(find_lib "$lib")")
	done
done
# tpm2-tools is one program named by its links.
for l in "$rootfs"/usr/bin/tpm2_*; do
	cp -P "$l" "$stage/usr/bin/"
done
mkdir -p "$stage/$pylib"
(cd "$rootfs/$pylib" && tar -cf - --exclude=test --exclude=idlelib --exclude=tkinter \
	--exclude=__pycache__ --exclude=lib-dynload .) | tar -xf - -C "$stage/$pylib"
ln -sf python3.11 "$stage/usr/bin/python3"
# Linux's own tpm2 selftests, from the kernel source the project builds.
src_tar=/usr/src/linux-source-6.12.tar.xz
[ -f "$src_tar" ] || { echo "clients-overlay: $src_tar missing (tools/setup.sh kernel)" >&2; exit 1; }
mkdir -p "$stage/usr/share/selftests"
tar -xf "$src_tar" -C "$stage/usr/share/selftests" --strip-components=4 --wildcards \
	'*/tools/testing/selftests/tpm2/*' '*/tools/testing/selftests/efivarfs/*'
# The efivarfs selftest's two helpers, static like every program of ours.
for h in create-read open-unlink; do
	aarch64-linux-gnu-gcc -static -O2 -Wall -o "$stage/usr/share/selftests/efivarfs/$h" \
		"$stage/usr/share/selftests/efivarfs/$h.c"
done
mkdir -p "$stage/tests" "$stage/etc"
install -m 0755 "$top/linux/clients/real-clients" "$stage/tests/real-clients"
(cd "$stage" && find . | LC_ALL=C sort | cpio -o -H newc --owner root:root --quiet) | gzip -6 >"$out.tmp"
mv "$out.tmp" "$out"
rm -f "$root"/overlay-*.cpio.gz.old
find "$root" -maxdepth 1 -name 'overlay-*.cpio.gz' ! -path "$out" -delete
echo "clients-overlay: $(du -h "$out" | cut -f1) ($(find "$stage" -type f | wc -l) files)" >&2
echo "$out"
