#!/usr/bin/env bash
# The one check of everything that must be freestanding: the codec, the SPMC
# core, the logical partitions and the reference client library (which
# firmware or a kernel could carry) are built for aarch64 with
# -ffreestanding -nostdlib, linked into one relocatable object, and the
# check fails if anything is left undefined: none of it may need libc or the
# host. One check per source file plus one for the link.
set -u
cd "$(dirname "$0")/.."
CROSS=${CROSS:-aarch64-linux-gnu-}
FS_CFLAGS=${FS_CFLAGS:?FS_CFLAGS must come from the Makefile (make freestanding-check)}
if ! command -v "${CROSS}gcc" >/dev/null; then
	echo "freestanding: ${CROSS}gcc not found: run tools/setup.sh fw"
	echo "freestanding: 0 passed, 1 failed"
	exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pass=0
fail=0
objs=()
for src in lib/ffa/*.c spmc/*.c services/*/*.c lib/client/*.c; do
	[ -e "$src" ] || continue
	obj="$out/$(echo "$src" | tr / _).o"
	# shellcheck disable=SC2086
	if ${CROSS}gcc $FS_CFLAGS -c "$src" -o "$obj" 2>"$out/err"; then
		pass=$((pass + 1))
		objs+=("$obj")
	else
		echo "freestanding: $src does not build freestanding:"
		cat "$out/err"
		fail=$((fail + 1))
	fi
done
undef=
if [ "${#objs[@]}" -gt 0 ] && ${CROSS}ld -r -o "$out/all.o" "${objs[@]}" 2>"$out/err" &&
	undef=$(${CROSS}nm -u "$out/all.o") && [ -z "$undef" ]; then
	pass=$((pass + 1))
else
	if [ -n "$undef" ]; then
		echo "freestanding: undefined symbols (libc or host dependencies):"
		# Name the objects that need each symbol so the owner can fix it.
		for sym in $(awk '{print $NF}' <<<"$undef"); do
			users=$(for o in "${objs[@]}"; do
				${CROSS}nm -u "$o" | awk '{print $NF}' | grep -qx "$sym" &&
					basename "$o" .o
			done | tr '\n' ' ')
			echo "  $sym  (used by: ${users:-?})"
		done
	else
		echo "freestanding: link failed:"
		cat "$out/err"
	fi
	fail=$((fail + 1))
fi
echo "freestanding: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
