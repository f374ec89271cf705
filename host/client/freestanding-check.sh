#!/usr/bin/env bash
# `make test` entry: the client library must build freestanding for aarch64
# and need nothing but itself and the codec (ffa_*), so the same code can
# sit in firmware or a kernel. The objects come from the Makefile
# (FFA_CLIENT_FS_OBJS, FFA_CLIENT_NM exported by host/client.mk).
set -u
objs=${FFA_CLIENT_FS_OBJS:-}
nm=${FFA_CLIENT_NM:-aarch64-linux-gnu-nm}
if [ -z "$objs" ]; then
	echo "client-freestanding: FFA_CLIENT_FS_OBJS unset: run through 'make test'" >&2
	exit 1
fi
pass=0
fail=0
# shellcheck disable=SC2086
defined=$("$nm" --defined-only $objs | awk 'NF == 3 { print $3 }' | sort -u)
for o in $objs; do
	if [ ! -f "$o" ]; then
		echo "client-freestanding: $o missing: run 'make $o'"
		fail=$((fail + 1))
		continue
	fi
	bad=$("$nm" -u "$o" | awk '{ print $2 }' | grep -v -x -F "$defined" | grep -v '^ffa_')
	if [ -n "$bad" ]; then
		echo "client-freestanding: $o needs $(echo $bad)"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
echo "client-freestanding: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
