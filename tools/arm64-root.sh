#!/usr/bin/env bash
# Unpacks Debian's arm64 packages for the guest, without touching the host's
# dpkg: a private apt directory (architecture arm64, the host's own
# sources), `apt-get install -d`, then `dpkg-deb -x` of every .deb (no
# maintainer scripts run). Cached under ~/.cache/ffa-stack/arm64-root/ by the
# exact package versions, so a new Debian point release unpacks anew and
# nothing stale is reused; older keys of the same set are pruned.
#   usage: tools/arm64-root.sh <base|clients>
#   base     busybox (the initramfs's shell and applets)
#   clients  base + the real clients of the services (tpm2-tools, efivar,
#            efibootmgr, mokutil, bash, chattr, and Python for Linux's own
#            tpm2 selftests)
# Prints the unpacked root's directory as the last line of stdout.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
set_name=${1:?usage: arm64-root.sh <base|clients>}
case $set_name in
base) pkgs=(busybox-static) ;;
clients) pkgs=(busybox-static tpm2-tools libtss2-tcti-device0 efivar efibootmgr mokutil bash
	e2fsprogs python3.11-minimal libpython3.11-stdlib) ;;
*) echo "arm64-root: unknown set '$set_name' (base or clients)" >&2; exit 2 ;;
esac
"$top/tools/setup.sh" host >&2
cache=${FFA_STACK_CACHE:-$HOME/.cache/ffa-stack}
apt_dir=$cache/apt-arm64
mkdir -p "$apt_dir"/{etc/sources.list.d,etc/preferences.d,etc/apt.conf.d,state/lists/partial,cache/archives/partial}
exec 8>"$apt_dir.lock"
flock 8
: >"$apt_dir/state/status"
cat >"$apt_dir/apt.conf" <<EOF
Dir "$apt_dir/";
Dir::Etc "$apt_dir/etc/";
Dir::State "$apt_dir/state/";
Dir::State::status "$apt_dir/state/status";
Dir::Cache "$apt_dir/cache/";
APT::Architecture "arm64";
APT::Architectures { "arm64"; };
APT::Install-Recommends "false";
APT::Sandbox::User "root";
EOF
cp /etc/apt/sources.list.d/*.sources "$apt_dir/etc/sources.list.d/" 2>/dev/null || true
[ -f /etc/apt/sources.list ] && cp /etc/apt/sources.list "$apt_dir/etc/sources.list"
export APT_CONFIG=$apt_dir/apt.conf
# Package lists are refreshed once a day; the versions they name are the key.
stamp=$apt_dir/state/updated
if [ ! -f "$stamp" ] || [ -n "$(find "$stamp" -mmin +1440)" ]; then
	apt-get update -qq >&2 ||
		{ echo "arm64-root: apt-get update for arm64 failed: is a Debian mirror reachable (see $apt_dir/etc)?" >&2; exit 1; }
	touch "$stamp"
fi
# The whole dependency closure with versions, as apt would install it on an
# empty arm64 system.
closure=$(apt-get install -s -qq "${pkgs[@]}" 2>&1 | sed -nE 's/^Inst ([^ ]+) \(([^ ]+) .*/\1=\2/p' | sort)
[ -n "$closure" ] ||
	{ echo "arm64-root: apt could not resolve ${pkgs[*]} for arm64:" >&2; apt-get install -s "${pkgs[@]}" >&2 || true; exit 1; }
key=$(printf '%s\n' "$closure" | sha256sum | cut -c1-16)
root=$cache/arm64-root/$set_name-$key
if [ -f "$root/ready" ]; then
	echo "$root"
	exit 0
fi
echo "arm64-root: unpacking $(wc -l <<<"$closure") arm64 packages for '$set_name' into $root" >&2
apt-get install -d -y -qq "${pkgs[@]}" >&2 ||
	{ echo "arm64-root: downloading the arm64 packages failed (network, or a mirror without arm64?)" >&2; exit 1; }
rm -rf "$root"
mkdir -p "$root/rootfs"
while IFS='=' read -r name version; do
	deb=$(find "$apt_dir/cache/archives" -maxdepth 1 -name "${name}_${version//:/%3a}_*.deb" | head -n 1)
	[ -n "$deb" ] || { echo "arm64-root: $name $version was not downloaded" >&2; exit 1; }
	dpkg-deb -x "$deb" "$root/rootfs"
done <<<"$closure"
printf '%s\n' "$closure" >"$root/packages"
touch "$root/ready"
# Keep this unpacked root and the one before it of each set (another
# checkout may still be using it), prune older ones.
ls -1dt "$cache/arm64-root/$set_name"-*/ | tail -n +3 | while read -r old; do
	rm -rf "${old%/}"
done
echo "$root"
