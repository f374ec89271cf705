#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# build.sh <kernel cache dir> <out dir>
#
# Builds the ffa_test module against a kernel that tools/build-kernel.sh
# cached (<cache>/build is its O= tree) and the initramfs test program
# linux/tests/ffa-test. Writes to <out>:
#   ffa_test.ko        the module (vermagic of that kernel)
#   ffa-test           static aarch64 program, to install as /tests/ffa-test
#   tpm_ffa.ko, tpm-test  the TPM-over-FF-A driver and /tests/tpm-test (when
#                      the kernel has CONFIG_TCG_TPM)
#   src/ffa_test/      the self-contained drop-in copy that was built (with
#                      include/), usable as-is inside a kernel tree
#   uefivar_mm.ko      efivars over the UEFI variable partition (src/uefivar_mm/)
#   uefivar-test       its initramfs test program, for /tests
#   ffa_fuzz.ko, fuzz-run  the hostile-host fuzzer and its starter (cell.sh
#                      adds them only when asked: tools/fuzz-qemu.py)
#   optee-test         shares 1, 16, 256 pages with OP-TEE via /dev/tee0 and reclaims them
# The module build is W=1 and warnings are errors. To boot with both, pass
# them to the initramfs: tools/mkinitramfs.sh <cache> <out.cpio.gz>
# <out>/ffa_test.ko <out>/ffa-test (it loads FF-A's own modules first).
set -euo pipefail

die() { echo "linux/modules/build.sh: $*" >&2; exit 1; }

[ $# -eq 2 ] || die "usage: $0 <kernel cache dir> <out dir> (cache dir: the last line tools/build-kernel.sh prints)"
cache=$(cd "$1" 2>/dev/null && pwd) || die "kernel cache dir '$1' does not exist: run tools/build-kernel.sh <variant> <builtin|module> first"
out=$2
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
kbuild=$cache/build
cross=${CROSS_COMPILE:-aarch64-linux-gnu-}

[ -f "$cache/ready" ] || die "$cache has no 'ready' stamp: the kernel build is incomplete or still running; wait for tools/build-kernel.sh to finish"
[ -f "$kbuild/.config" ] && [ -f "$kbuild/Makefile" ] || die "$kbuild is not a kernel build tree (no .config/Makefile): rebuild the kernel with tools/build-kernel.sh"
grep -q '^CONFIG_MODULES=y' "$kbuild/.config" || die "$kbuild has CONFIG_MODULES off: the module cannot be loaded there; build ffa_test in-tree instead (Kconfig FFA_STACK_TEST)"
grep -q '^CONFIG_ARM_FFA_TRANSPORT=[ym]' "$kbuild/.config" || die "$kbuild has CONFIG_ARM_FFA_TRANSPORT off: enable it in the kernel config fragment"
grep -q '^CONFIG_DEBUG_FS=y' "$kbuild/.config" || die "$kbuild has CONFIG_DEBUG_FS off: ffa_test has no interface without debugfs; enable it in the kernel config fragment"

# Stage a drop-in copy (sources + the headers they include) so the build
# leaves nothing in the repository and the copy is exactly what an in-tree
# build would get. install -C keeps timestamps of unchanged files.
mkdir -p "$out"
out=$(cd "$out" && pwd)

# build_module <dir under linux/modules> [header in include/services]:
# stage the module with the project headers it includes, build it W=1 with
# warnings as errors, and copy <dir>.ko to the output directory.
build_module() {
	local name=$1 header=${2:-} msrc=$out/src/$1 f
	mkdir -p "$msrc/include/ffa" "$msrc/include/services"
	for f in "$here/$name"/*.c "$here/$name"/*.h "$here/$name/Kbuild" "$here/$name/Kconfig"; do
		if [ -f "$f" ]; then install -C -m 644 "$f" "$msrc/"; fi
	done
	install -C -m 644 "$repo/include/ffa/uuid.h" "$msrc/include/ffa/"
	[ -z "$header" ] || install -C -m 644 "$repo/include/services/$header" "$msrc/include/services/"
	# ffa_fuzz speaks the ABI itself: it takes the one owner's constants.
	if [ "$name" = ffa_fuzz ]; then
		install -C -m 644 "$repo/include/ffa/abi.h" "$repo/include/ffa/mem.h" "$msrc/include/ffa/"
	fi
	make -C "$kbuild" M="$msrc" ARCH=arm64 CROSS_COMPILE="$cross" W=1 KCFLAGS=-Werror \
		modules >"$out/$name-build.log" 2>&1 || {
		cat "$out/$name-build.log" >&2
		die "$name build failed against $kbuild (log: $out/$name-build.log)"
	}
	install -m 644 "$msrc/$name.ko" "$out/$name.ko"
}

# build_program <output name> <source>... [-- extra compiler flags]: a static
# aarch64 test program for the initramfs's /tests.
build_program() {
	local prog=$1 srcs=() flags=()
	shift
	while [ $# -gt 0 ] && [ "$1" != -- ]; do srcs+=("$1"); shift; done
	[ $# -gt 0 ] && { shift; flags=("$@"); }
	"${cross}gcc" -std=c11 -static -O2 -Wall -Wextra -Werror -Wvla -Wshadow \
		-Wstrict-prototypes -Wmissing-prototypes "${flags[@]}" \
		-o "$out/$prog" "${srcs[@]}" ||
		die "$prog build failed: is ${cross}gcc with a static libc installed (tools/setup.sh fw; libc6-dev-arm64-cross)?"
}

build_module ffa_test test_sp.h
build_program ffa-test "$repo/linux/tests/ffa-test.c" "$repo/linux/tests/ffa-test-store.c" -- -I"$repo"

# tpm_ffa (TPM over CRB over FF-A) and /tests/tpm-test, when the kernel has a
# TPM core to register with.
if grep -q '^CONFIG_TCG_TPM=[ym]' "$kbuild/.config"; then
	build_module tpm_ffa tpm_crb_ffa.h
	build_program tpm-test "$repo/linux/tests/tpm-test.c" "$repo/services/tpm/measure.c" \
		"$repo/services/tpm/eventlog.c" "$repo/services/tpm/sha256.c" \
		"$repo/tests/tpm/replay.c" -- -I"$repo/include" -I"$repo"
else
	echo "linux/modules/build.sh: $kbuild has CONFIG_TCG_TPM off: skipping tpm_ffa and tpm-test" >&2
fi

# uefivar_mm: the efivars backend over the UEFI variable partition, and its
# initramfs test program.
build_module uefivar_mm mm_var.h
build_program uefivar-test "$repo/linux/tests/uefivar-test.c"

# ffa_diff: raw FF-A calls for tools/spmc-diff.py (loaded on its own, with
# no FF-A driver, so it builds against any kernel).
build_module ffa_diff

# ffa_fuzz, the hostile host, and /tests/fuzz-run that starts it when the
# kernel command line asks (ffa_fuzz.seconds=...): tools/fuzz-qemu.py.
build_module ffa_fuzz test_sp.h
build_program fuzz-run "$repo/linux/tests/fuzz-run.c"

# /tests/optee-test: Linux's OP-TEE driver sharing and reclaiming memory, on
# the peer firmware (it finds no /dev/tee0 on ours and checks nothing).
build_program optee-test "$repo/linux/tests/optee-test.c"

echo "$out"
