#!/usr/bin/env bash
# Installs what a build step needs from Debian's packages, only when it is
# missing (idempotent, safe to run on every build). Groups:
#   host    hosted build and tests (gcc, make)
#   fw      aarch64 cross compiler for the firmware
#   qemu    QEMU (with ipxe-qemu: virt's default NIC needs its ROM), dtc, swtpm
#   kernel  linux-source-6.12 and its build dependencies
#   fuzz    clang and libFuzzer runtime
#   bench   valgrind, gnuplot
#   peer    what TF-A and OP-TEE need to build (tools/peer-fw.sh), U-Boot as BL33
# FFA_STACK_NO_SETUP=1 skips it all, for a machine whose packages come from
# elsewhere (the build then fails on the first tool that is really missing).
set -eu
[ "${FFA_STACK_NO_SETUP:-0}" = 1 ] && exit 0
declare -A pkgs=(
	[host]="gcc make libc6-dev"
	[fw]="gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu libc6-dev-arm64-cross"
	[qemu]="qemu-system-arm ipxe-qemu device-tree-compiler swtpm swtpm-tools"
	[kernel]="linux-source-6.12 gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu flex bison bc libssl-dev libelf-dev cpio xz-utils kmod python3 perl"
	[fuzz]="clang libclang-rt-14-dev llvm"
	[bench]="valgrind gnuplot-nox"
	[peer]="gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu device-tree-compiler python3-pyelftools python3-cryptography libssl-dev u-boot-qemu make xz-utils"
)
if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
	want=()
	for group in "$@"; do want+=(${pkgs[$group]:-}); done
	echo "setup.sh: this machine has no dpkg/apt, so the Debian packages this step needs cannot be checked or installed:" >&2
	echo "  ${want[*]}" >&2
	echo "Install their equivalents with your package manager, then run again with FFA_STACK_NO_SETUP=1 (e.g. make test FFA_STACK_NO_SETUP=1)." >&2
	exit 1
fi
missing=()
for group in "$@"; do
	[ -n "${pkgs[$group]+x}" ] || { echo "setup.sh: unknown group '$group' (host fw qemu kernel fuzz bench peer)" >&2; exit 2; }
	for p in ${pkgs[$group]}; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
	done
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "setup.sh: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || {
		echo "setup.sh: ${missing[*]} must be installed and this is not root and has no sudo: run 'apt-get install ${missing[*]}' as root, then again" >&2
		exit 1
	}
	SUDO=sudo
else
	SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
