#!/usr/bin/env bash
# Builds the codec, the SPMC core and the logical partitions for aarch64 with
# -ffreestanding -nostdlib, links them into one relocatable object and fails
# if anything is left undefined: proof that none of it needs libc or the host.
set -u
cd "$(dirname "$0")/../.."
CROSS=${CROSS:-aarch64-linux-gnu-}
FS_CFLAGS=${FS_CFLAGS:?FS_CFLAGS must come from the Makefile}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pass=0
fail=0
objs=()
for src in lib/ffa/*.c spmc/*.c services/*/*.c; do
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
if ${CROSS}ld -r -o "$out/all.o" "${objs[@]}" && undef=$(${CROSS}nm -u "$out/all.o") && [ -z "$undef" ]; then
	pass=$((pass + 1))
else
	echo "freestanding: undefined symbols (libc or host dependencies):"
	echo "${undef:-link failed}"
	fail=$((fail + 1))
fi
echo "freestanding: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
