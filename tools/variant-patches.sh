#!/usr/bin/env bash
# Lists the patch files of one kernel variant, in the order they apply:
# the paths in linux/patches/<variant>/series (relative to linux/patches;
# blank lines and # comments skipped), or, without a series file, every
# *.patch in the variant's folder except the cover letter (0000-*).
#   usage: tools/variant-patches.sh <variant>
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
variant=${1:?usage: variant-patches.sh <variant>}
dir=$top/linux/patches/$variant
[ -d "$dir" ] || { echo "variant-patches: no variant '$variant' (no $dir)" >&2; exit 2; }
if [ -f "$dir/series" ]; then
	while read -r p _; do
		case $p in ''|'#'*) continue ;; esac
		[ -f "$top/linux/patches/$p" ] ||
			{ echo "variant-patches: $dir/series names $p, which does not exist" >&2; exit 2; }
		echo "$top/linux/patches/$p"
	done <"$dir/series"
else
	find "$dir" -maxdepth 1 -name '*.patch' ! -name '0000-*' | sort
fi
