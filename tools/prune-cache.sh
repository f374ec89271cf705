#!/usr/bin/env bash
# Keeps the kernel cache from growing without bound: each build under
# ~/.cache/ffa-stack/kernel/ is ~2.5 GB. For every variant/FF-A pair keep the
# two most recently used builds (this checkout's and one before it, so going
# one commit back does not rebuild) and remove the rest. Called after each
# cell is prepared; never removes a build that is being written (locked).
set -euo pipefail
kernels=${FFA_STACK_CACHE:-$HOME/.cache/ffa-stack}/kernel
[ -d "$kernels" ] || exit 0
for pair in $(ls -1 "$kernels" | sed -nE 's/^(.*-(builtin|module))-[0-9a-f]{16}$/\1/p' | sort -u); do
	ls -1dt "$kernels/$pair"-????????????????/ | tail -n +3 | while read -r old; do
		old=${old%/}
		exec 7>"$old.lock"
		flock -n 7 || continue
		echo "prune-cache: removing $old (two newer $pair builds kept)" >&2
		rm -rf "$old"
		rm -f "$old.lock"
		exec 7>&-
	done
done
