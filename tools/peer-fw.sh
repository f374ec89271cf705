#!/usr/bin/env bash
# Builds a secure world nobody on this project wrote, for QEMU virt: TF-A
# v2.14.0 with OP-TEE 4.10.0, from the pinned source archives in
# ../shared/peer (or $FFA_STACK_PEER, see below), with Debian's u-boot-qemu as BL33
# (it loads -kernel/-initrd/-append from fw_cfg, as our firmware does).
#   usage: tools/peer-fw.sh <el1|el3>
#   el1  TF-A's SPMD at EL3, OP-TEE as the S-EL1 SPMC      (matrix: tfa-optee)
#   el3  TF-A's own EL3 SPMC, OP-TEE as an S-EL1 partition (matrix: tfa-el3spmc)
# The archives are checked against SHA256SUMS first. The image (BL1 + FIP,
# QEMU's -bios) is cached under ~/.cache/ffa-stack/peer/ by a hash of the
# archives, U-Boot, the configuration and this script (the build embeds
# timestamps, so it is never byte-reproducible). Prints its path last.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cfg=${1:?usage: peer-fw.sh <el1|el3>}
case $cfg in el1|el3) ;; *) echo "peer-fw: configuration must be el1 or el3, not '$cfg'" >&2; exit 2 ;; esac
# Where the archives are: $FFA_STACK_PEER, else ../shared/peer beside this
# checkout, else beside the checkout this one was cloned from (a clean
# clone in /tmp of a working tree still finds them).
peer=${FFA_STACK_PEER:-}
if [ -z "$peer" ]; then
	peer=$top/../shared/peer
	origin=$(git -C "$top" config --get remote.origin.url 2>/dev/null || true)
	if [ ! -d "$peer" ] && [ -n "$origin" ] && [ -d "$origin/../shared/peer" ]; then
		peer=$origin/../shared/peer
	fi
fi
for f in SHA256SUMS tf-a.tar.xz optee_os.tar.xz optee-build.tar.xz; do
	[ -f "$peer/$f" ] || { echo "peer-fw: $peer/$f is missing: point FFA_STACK_PEER at a directory with the TF-A and OP-TEE archives and their SHA256SUMS" >&2; exit 1; }
done
(cd "$peer" && sha256sum --quiet -c SHA256SUMS) >&2 ||
	{ echo "peer-fw: the archives in $peer do not match its SHA256SUMS: refusing to build from them" >&2; exit 1; }
"$top/tools/setup.sh" peer >&2
bl33=/usr/lib/u-boot/qemu_arm64/u-boot.bin
[ -f "$bl33" ] || { echo "peer-fw: $bl33 missing: apt-get install u-boot-qemu" >&2; exit 1; }
key=$( { echo "$cfg"; cat "$peer/SHA256SUMS" "$0"; sha256sum "$bl33"; } | sha256sum | cut -c1-16)
cache=${FFA_STACK_CACHE:-$HOME/.cache/ffa-stack}/peer/$cfg-$key
if [ -f "$cache/qemu_fw.bios" ]; then
	echo "$cache/qemu_fw.bios"
	exit 0
fi
mkdir -p "$cache"
exec 9>"$cache.lock"
flock 9
if [ -f "$cache/qemu_fw.bios" ]; then
	echo "$cache/qemu_fw.bios"
	exit 0
fi
src=$cache/src
log=$cache/build.log
rm -rf "$src"
mkdir -p "$src"
for a in tf-a optee_os optee-build; do
	tar -xf "$peer/$a.tar.xz" -C "$src"
done
start=$(date +%s)
cross=aarch64-linux-gnu-
# Debian's python3 has elftools and cryptography; a python3 earlier on PATH may not.
py=/usr/bin/python3
optee=(make -C "$src/optee_os" O="$src/optee-out" PLATFORM=vexpress-qemu_armv8a CFG_ARM64_core=y
	CFG_USER_TA_TARGETS=ta_arm64 DEBUG=0 CFG_TEE_CORE_LOG_LEVEL=3 CFG_ARM_GICV3=y
	CFG_TEE_CORE_NB_CORE=4 CFG_IN_TREE_EARLY_TAS= PYTHON3=$py CROSS_COMPILE=$cross
	CROSS_COMPILE_core=$cross CROSS_COMPILE_ta_arm64=$cross -j"$(nproc)")
tfa=(make -C "$src/tf-a" PLAT=qemu DEBUG=0 LOG_LEVEL=40 SPD=spmd SPMD_SPM_AT_SEL2=0
	CTX_INCLUDE_EL2_REGS=0 QEMU_USE_GIC_DRIVER=QEMU_GICV3 BL32_RAM_LOCATION=tdram
	ENABLE_SVE_FOR_NS=2 ENABLE_SVE_FOR_SWD=1 ENABLE_FEAT_FGT=2 ENABLE_FEAT_HCX=2 ENABLE_FEAT_ECV=2
	ENABLE_SME_FOR_NS=2 ENABLE_SME_FOR_SWD=0 BL33="$bl33" CROSS_COMPILE=$cross -j"$(nproc)")
out=$src/optee-out/core
manifests=$src/optee-build/qemu_v8
if [ "$cfg" = el1 ]; then
	optee+=(CFG_CORE_SEL1_SPMC=y)
	tfa+=(BL32="$out/tee-header_v2.bin" BL32_EXTRA1="$out/tee-pager_v2.bin"
		BL32_EXTRA2="$out/tee-pageable_v2.bin" SPMC_OPTEE=1
		QEMU_TOS_FW_CONFIG_DTS="$manifests/spmc_el1_manifest_virt.dts")
else
	optee+=(CFG_CORE_EL3_SPMC=y CFG_DT_ADDR=0x40000000 CFG_CORE_RESERVED_SHM=n)
	tfa+=(SPMC_AT_EL3=1 BL32="$out/tee-pager_v2.bin"
		QEMU_TOS_FW_CONFIG_DTS="$manifests/spmc_el3_manifest.dts")
fi
echo "peer-fw: building OP-TEE and TF-A ($cfg) into $cache (log: $log)" >&2
{ "${optee[@]}" all && "${tfa[@]}" all fip qemu_fw.bios; } >"$log" 2>&1 ||
	{ echo "peer-fw: the $cfg build failed, last lines of $log:" >&2; tail -n 20 "$log" >&2; exit 1; }
cp "$src/tf-a/build/qemu/release/qemu_fw.bios" "$cache/qemu_fw.bios.tmp"
mv "$cache/qemu_fw.bios.tmp" "$cache/qemu_fw.bios"
rm -rf "$src"
echo "peer-fw: $cfg built in $(( $(date +%s) - start )) s" >&2
echo "$cache/qemu_fw.bios"
