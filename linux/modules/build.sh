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
src=$out/src/ffa_test
mkdir -p "$src/compat" "$src/include/ffa" "$src/include/services"
install -C -m 644 "$here"/ffa_test/*.c "$here"/ffa_test/*.h "$here/ffa_test/Kbuild" \
	"$here/ffa_test/Kconfig" "$src/"
install -C -m 644 "$here/ffa_test/compat/stdint.h" "$here/ffa_test/compat/stdbool.h" "$src/compat/"
install -C -m 644 "$repo/include/ffa/uuid.h" "$src/include/ffa/"
install -C -m 644 "$repo/include/services/test_sp.h" "$src/include/services/"

make -C "$kbuild" M="$src" ARCH=arm64 CROSS_COMPILE="$cross" W=1 KCFLAGS=-Werror \
	modules >"$out/module-build.log" 2>&1 || {
	cat "$out/module-build.log" >&2
	die "module build failed against $kbuild (log: $out/module-build.log)"
}
install -m 644 "$src/ffa_test.ko" "$out/ffa_test.ko"

"${cross}gcc" -std=c11 -static -O2 -Wall -Wextra -Werror -Wvla -Wshadow \
	-Wstrict-prototypes -Wmissing-prototypes \
	-o "$out/ffa-test" "$repo/linux/tests/ffa-test.c" ||
	die "ffa-test build failed: is ${cross}gcc with a static libc installed (tools/setup.sh fw; libc6-dev-arm64-cross)?"

# tpm_ffa (TPM over CRB over FF-A) and /tests/tpm-test, the same way, when
# the kernel has a TPM core to register with.
if grep -q '^CONFIG_TCG_TPM=[ym]' "$kbuild/.config"; then
	tsrc=$out/src/tpm_ffa
	mkdir -p "$tsrc/compat" "$tsrc/include/ffa" "$tsrc/include/services"
	install -C -m 644 "$here/tpm_ffa/tpm_ffa.c" "$here/tpm_ffa/Kbuild" "$here/tpm_ffa/Kconfig" "$tsrc/"
	install -C -m 644 "$here"/tpm_ffa/compat/*.h "$tsrc/compat/"
	install -C -m 644 "$repo/include/ffa/uuid.h" "$tsrc/include/ffa/"
	install -C -m 644 "$repo/include/services/tpm_crb_ffa.h" "$tsrc/include/services/"
	make -C "$kbuild" M="$tsrc" ARCH=arm64 CROSS_COMPILE="$cross" W=1 KCFLAGS=-Werror \
		modules >"$out/tpm-module-build.log" 2>&1 || {
		cat "$out/tpm-module-build.log" >&2
		die "tpm_ffa build failed against $kbuild (log: $out/tpm-module-build.log)"
	}
	install -m 644 "$tsrc/tpm_ffa.ko" "$out/tpm_ffa.ko"
	"${cross}gcc" -std=c11 -static -O2 -Wall -Wextra -Werror -Wvla -Wshadow \
		-Wstrict-prototypes -Wmissing-prototypes -I"$repo/include" -I"$repo" \
		-o "$out/tpm-test" "$repo/linux/tests/tpm-test.c" "$repo/services/tpm/measure.c" \
		"$repo/services/tpm/eventlog.c" "$repo/services/tpm/sha256.c" \
		"$repo/tests/tpm/replay.c" || die "tpm-test build failed"
else
	echo "linux/modules/build.sh: $kbuild has CONFIG_TCG_TPM off: skipping tpm_ffa and tpm-test" >&2
fi

# uefivar_mm: the efivars backend over the UEFI variable partition, staged
# the same way, and its initramfs test program.
uv_src=$out/src/uefivar_mm
mkdir -p "$uv_src/compat" "$uv_src/include/ffa" "$uv_src/include/services"
install -C -m 644 "$here/uefivar_mm/uefivar_mm.c" "$here/uefivar_mm/Kbuild" \
	"$here/uefivar_mm/Kconfig" "$uv_src/"
install -C -m 644 "$here"/uefivar_mm/compat/*.h "$uv_src/compat/"
install -C -m 644 "$repo/include/ffa/uuid.h" "$uv_src/include/ffa/"
install -C -m 644 "$repo/include/services/mm_var.h" "$uv_src/include/services/"
make -C "$kbuild" M="$uv_src" ARCH=arm64 CROSS_COMPILE="$cross" W=1 KCFLAGS=-Werror \
	modules >"$out/uefivar_mm-build.log" 2>&1 || {
	cat "$out/uefivar_mm-build.log" >&2
	die "uefivar_mm build failed against $kbuild (log: $out/uefivar_mm-build.log)"
}
install -m 644 "$uv_src/uefivar_mm.ko" "$out/uefivar_mm.ko"
"${cross}gcc" -std=c11 -static -O2 -Wall -Wextra -Werror -Wvla -Wshadow \
	-Wstrict-prototypes -Wmissing-prototypes \
	-o "$out/uefivar-test" "$repo/linux/tests/uefivar-test.c" ||
	die "uefivar-test build failed: is ${cross}gcc with a static libc installed?"

echo "$out"
