#!/usr/bin/env bash
# Builds Debian's linux-source-6.12 for one variant and FF-A mode, cached by
# content: ~/.cache/ffa-stack/kernel/<hash>/ holds Image, the module tree
# (mods/), .config and the O= build tree (build/) for out-of-tree modules.
# The hash covers the source package version, the variant's patches, the
# config fragments, the list of built-in client drivers and this script, so
# any change rebuilds and nothing stale is ever reused. A `ready` stamp is
# written last. Changed client driver sources (linux/modules/<dir>, include/)
# only recompile those and relink (overlay-key records what was built).
#   usage: tools/build-kernel.sh <variant> <builtin|module>
# Prints the cache directory as the last line of stdout.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
variant=${1:?usage: build-kernel.sh <variant> <builtin|module>}
ffa=${2:?usage: build-kernel.sh <variant> <builtin|module>}
patchdir=$top/linux/patches/$variant
[ -d "$patchdir" ] || { echo "build-kernel: no variant '$variant' (no $patchdir)" >&2; exit 2; }
# A variant's patches: the paths its `series` file lists (relative to
# linux/patches, so variants share patches instead of copying them), or
# else every *.patch in its folder but a cover letter, in name order.
patch_list=$("$top/tools/variant-patches.sh" "$variant")
patches=()
[ -z "$patch_list" ] || mapfile -t patches <<<"$patch_list"
case $ffa in builtin|module) ;; *) echo "build-kernel: FF-A mode must be builtin or module, not '$ffa'" >&2; exit 2;; esac

"$top/tools/setup.sh" kernel >&2
src_tar=/usr/src/linux-source-6.12.tar.xz
[ -f "$src_tar" ] || { echo "build-kernel: $src_tar missing: apt-get install linux-source-6.12" >&2; exit 1; }
pkgver=$(dpkg-query -W -f='${Version}' linux-source-6.12)
frags=("$top/linux/config/base.config" "$top/linux/config/ffa-$ffa.config")
# With FF-A built in, the project's client drivers listed in
# linux/modules/builtin.list ("<dir> <CONFIG symbol>") are built in too, so
# they probe during the initcalls (module_init = device_initcall) instead of
# from userspace. They join the tree as drivers/ffa_stack/<dir>/.
overlay=()
if [ "$ffa" = builtin ]; then
	while read -r dir sym; do
		case $dir in ''|'#'*) continue ;; esac
		[ -f "$top/linux/modules/$dir/Kconfig" ] ||
			{ echo "build-kernel: builtin.list names $dir, which has no Kconfig" >&2; exit 2; }
		overlay+=("$dir:$sym")
	done <"$top/linux/modules/builtin.list"
fi
overlay_hash() { # everything an overlay copies: a change relinks, never rebuilds all
	{ for o in "${overlay[@]}"; do find "$top/linux/modules/${o%%:*}" -type f; done
	  find "$top/include" -type f; } | sort | xargs -r cat | sha256sum | cut -c1-16
}
# The key covers what needs a full build; the overlay's sources are tracked
# separately (overlay-key) and only recompile drivers/ffa_stack and relink.
key=$( { echo "$pkgver $variant $ffa ${overlay[*]}"; cat "$0" "${frags[@]}";
	 cat "${patches[@]}" /dev/null; } | sha256sum | cut -c1-16)
cache=${FFA_STACK_CACHE:-$HOME/.cache/ffa-stack}/kernel/$variant-$ffa-$key
want_overlay=none
[ ${#overlay[@]} -eq 0 ] || want_overlay=$(overlay_hash)
up_to_date() {
	[ -f "$cache/ready" ] && [ "$(cat "$cache/overlay-key" 2>/dev/null)" = "$want_overlay" ]
}
if up_to_date; then
	echo "$cache"
	exit 0
fi
mkdir -p "$cache"
exec 9>"$cache.lock"
flock 9
if up_to_date; then
	echo "$cache"
	exit 0
fi
log=$cache/build.log
kmake() { make -C "$cache/src" O="$cache/build" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- "$@"; }
copy_overlay() { # drivers/ffa_stack/<dir>, each with the project's headers
	local od=$cache/src/drivers/ffa_stack o dir
	for o in "${overlay[@]}"; do
		dir=${o%%:*}
		rm -rf "${od:?}/$dir"
		cp -r "$top/linux/modules/$dir" "$od/$dir"
		mkdir -p "$od/$dir/include"
		cp -r "$top/include/." "$od/$dir/include/"
	done
}
install_outputs() { # atomically, so a concurrent boot never reads half an Image
	cp "$cache/build/arch/arm64/boot/Image" "$cache/Image.tmp"
	mv "$cache/Image.tmp" "$cache/Image"
	rm -rf "$cache/mods.tmp"
	kmake INSTALL_MOD_PATH="$cache/mods.tmp" modules_install >>"$log" 2>&1
	rm -rf "$cache/mods"
	mv "$cache/mods.tmp" "$cache/mods"
	cp "$cache/build/.config" "$cache/config"
	echo "$want_overlay" >"$cache/overlay-key"
}
if [ -f "$cache/ready" ]; then
	echo "build-kernel: $variant/$ffa: client drivers changed, rebuilding drivers/ffa_stack and relinking (log: $log)" >&2
	start=$(date +%s)
	copy_overlay
	kmake -j"$(nproc)" Image modules >>"$log" 2>&1 ||
		{ echo "build-kernel: build failed, last lines of $log:" >&2; tail -20 "$log" >&2; exit 1; }
	install_outputs
	echo "build-kernel: relinked in $(( $(date +%s) - start )) s" >&2
	echo "$cache"
	exit 0
fi
echo "build-kernel: building $variant/$ffa into $cache (log: $log)" >&2
rm -rf "$cache/src" "$cache/build" "$cache/mods"
mkdir -p "$cache/src" "$cache/build"
tar -xf "$src_tar" -C "$cache/src" --strip-components=1
for p in ${patches[@]+"${patches[@]}"}; do
	echo "build-kernel: applying $(basename "$p")" >&2
	patch -d "$cache/src" -p1 --forward --quiet <"$p" ||
		{ echo "build-kernel: $p does not apply to linux-source $pkgver" >&2; exit 1; }
done
if [ ${#overlay[@]} -gt 0 ]; then
	od=$cache/src/drivers/ffa_stack
	mkdir -p "$od"
	: >"$od/Kconfig"
	: >"$od/Makefile"
	: >"$cache/overlay.config"
	for o in "${overlay[@]}"; do
		dir=${o%%:*} sym=${o#*:}
		echo "source \"drivers/ffa_stack/$dir/Kconfig\"" >>"$od/Kconfig"
		echo "obj-y += $dir/" >>"$od/Makefile"
		echo "$sym=y" >>"$cache/overlay.config"
	done
	copy_overlay
	echo 'obj-y += ffa_stack/' >>"$cache/src/drivers/Makefile"
	sed -i '$i source "drivers/ffa_stack/Kconfig"' "$cache/src/drivers/Kconfig"
	frags+=("$cache/overlay.config")
fi
start=$(date +%s)
{
	kmake allnoconfig
	KCONFIG_CONFIG="$cache/build/.config" "$cache/src/scripts/kconfig/merge_config.sh" \
		-m -O "$cache/build" "$cache/build/.config" "${frags[@]}"
	kmake olddefconfig
} >"$log" 2>&1 || { echo "build-kernel: configuration failed, see $log" >&2; exit 1; }
# Every option a fragment asks for must have survived olddefconfig.
missing=$(grep -h '^CONFIG_' "${frags[@]}" | sort -u | while read -r want; do
	grep -qx "$want" "$cache/build/.config" || echo "$want"; done)
if [ -n "$missing" ]; then
	echo "build-kernel: these options did not take effect (missing dependency?):" >&2
	echo "$missing" >&2
	exit 1
fi
kmake -j"$(nproc)" Image modules >>"$log" 2>&1 ||
	{ echo "build-kernel: build failed, last lines of $log:" >&2; tail -20 "$log" >&2; exit 1; }
install_outputs
echo "$(( $(date +%s) - start ))" >"$cache/build-seconds"
touch "$cache/ready"
echo "build-kernel: done in $(cat "$cache/build-seconds") s" >&2
echo "$cache"
