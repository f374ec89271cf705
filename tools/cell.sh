#!/usr/bin/env bash
# One way to prepare and boot any cell of the system: kernel variant x FF-A
# built in or module x pKVM protected or nvhe x secure-world firmware.
#   usage: tools/cell.sh prepare [-t programs] [-x program] <cell>
#          tools/cell.sh env [-f fault] <cell>
#          tools/cell.sh boot [-i] [-l log] [-a "kernel args"] [-f fault] [-t programs] [-x program] <cell>
#   <cell>    variant/ffa/mode[@firmware], e.g. ours/builtin/protected,
#             stock/module/nvhe, ours/builtin/protected@tfa-optee (firmware:
#             ffa-stack, ours, by default; tfa-optee or tfa-el3spmc, built
#             by tools/peer-fw.sh from ../shared/peer)
#   prepare   builds (or takes from the cache) the kernel, the client modules
#             and test programs, packs the initramfs, and prints two lines:
#             the kernel cache directory and the initramfs
#   env       prints what the boot needs in the environment (NAME=value:
#             the peer firmware image, the fault as a QEMU fw_cfg argument)
#   boot      prepares, then boots it (tools/qemu-boot.sh): -i interactive
#             with a shell on the console (`poweroff` ends QEMU), otherwise
#             /init runs every test program and powers off
#   -f fault  inject a firmware fault (fw/qemu-virt/fault.h)
#   -t        the test programs /init runs, e.g. "tpm-test" or none (default:
#             all of ffa-test, tpm-test, uefivar-test, optee-test and real-clients, the
#             overlay of Debian's arm64 clients: tools/clients-overlay.sh)
#   -x        one more static arm64 program for /tests (e.g. the benchmark's)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build
usage() { sed -n 's/^#   usage: //p; s/^#          /  /p' "$0" >&2; exit 2; }

parse_cell() { # sets variant ffa mode firmware, or says what is wrong
	local cell=${1%@*}
	firmware=ffa-stack
	[ "$cell" = "$1" ] || firmware=${1##*@}
	case $firmware in
	ffa-stack|tfa-optee|tfa-el3spmc) ;;
	*) echo "cell: no firmware '$firmware' (ffa-stack, tfa-optee or tfa-el3spmc)" >&2; exit 2 ;;
	esac
	IFS=/ read -r variant ffa mode extra <<<"$cell"
	[ -n "${mode:-}" ] && [ -z "${extra:-}" ] ||
		{ echo "cell: '$1' is not variant/ffa/mode (e.g. ours/builtin/protected)" >&2; exit 2; }
	[ -d "$top/linux/patches/$variant" ] ||
		{ echo "cell: no variant '$variant' (one of: $(ls "$top/linux/patches" | tr '\n' ' '))" >&2; exit 2; }
	case $ffa in builtin|module) ;; *) echo "cell: FF-A must be builtin or module, not '$ffa'" >&2; exit 2 ;; esac
	case $mode in protected|nvhe) ;; *) echo "cell: mode must be protected or nvhe, not '$mode'" >&2; exit 2 ;; esac
}

prepare() { # kernel, client modules and programs, initramfs; sets kdir initrd
	local mods extra=() ko prog overlay
	kdir=$("$top/tools/build-kernel.sh" "$variant" "$ffa" | tail -n 1)
	touch "$kdir"	# most recently used, for tools/prune-cache.sh
	"$top/tools/prune-cache.sh"
	mods=$build/modules/$variant-$ffa
	"$top/linux/modules/build.sh" "$kdir" "$mods" >&2
	# Module clients unless the kernel has them built in (builtin.list).
	local pairs="ffa_test:FFA_STACK_TEST tpm_ffa:FFA_STACK_TPM uefivar_mm:FFA_STACK_UEFIVAR"
	# The hostile-host fuzzer only for the boot that runs it (tools/fuzz-qemu.py).
	case " ${extra_programs[*]-} " in *"/fuzz-run "*) pairs="$pairs ffa_fuzz:FFA_STACK_FUZZ" ;; esac
	for pair in $pairs; do
		ko=$mods/${pair%%:*}.ko
		[ -f "$ko" ] || continue
		grep -q "^CONFIG_${pair#*:}=y" "$kdir/config" || extra+=("$ko")
	done
	for prog in $programs; do
		case $prog in none|real-clients) continue ;; esac
		case " $all_programs " in
		*" $prog "*) ;;
		*) echo "cell: no test program '$prog' ($all_programs or none)" >&2; exit 2 ;;
		esac
		# tpm-test and uefivar-test exist only for kernels with the service's core.
		[ -f "$mods/$prog" ] && extra+=("$mods/$prog")
	done
	for prog in ${extra_programs[@]+"${extra_programs[@]}"}; do
		[ -x "$prog" ] || { echo "cell: extra program $prog is not an executable file" >&2; exit 2; }
		extra+=("$prog")
	done
	initrd=$build/initramfs-$variant-$ffa.cpio.gz
	[ "$programs" = "$all_programs" ] || initrd=$build/initramfs-$variant-$ffa-${programs// /-}.cpio.gz
	if [ ${#extra_programs[@]} -gt 0 ]; then
		initrd=${initrd%.cpio.gz}-$(basename "${extra_programs[0]}").cpio.gz
	fi
	"$top/tools/mkinitramfs.sh" "$kdir" "$initrd" ${extra[@]+"${extra[@]}"}
	# The real clients (Debian's tpm2-tools, efivar, ...) come as a second
	# archive after ours; the kernel unpacks both.
	case " $programs " in
	*" real-clients "*)
		overlay=$("$top/tools/clients-overlay.sh" | tail -n 1)
		cat "$overlay" >>"$initrd"
		;;
	esac
}

# What tools/qemu-boot.sh must be told to boot the cell, as NAME=value
# lines (the boot below exports them, tools/matrix.py reads `cell.sh env`).
boot_env() {
	local cfg=
	case $firmware in
	tfa-optee) cfg=el1 ;;
	tfa-el3spmc) cfg=el3 ;;
	esac
	if [ -n "$cfg" ]; then
		# A peer secure world (tools/peer-fw.sh): its image as -bios; no
		# flash file (U-Boot keeps its environment there), no TPM.
		echo "FFA_STACK_FW=$("$top/tools/peer-fw.sh" "$cfg" | tail -n 1)"
		echo "FFA_STACK_VARS=none"
		echo "FFA_STACK_NO_TPM=1"
	fi
	if [ -n "$fault" ]; then
		echo "FFA_STACK_QEMU_EXTRA=${FFA_STACK_QEMU_EXTRA:+$FFA_STACK_QEMU_EXTRA }-fw_cfg name=opt/ffa-stack/fault,string=$fault"
	fi
}

all_programs="ffa-test tpm-test uefivar-test optee-test real-clients"
extra_programs=()
programs=$all_programs
cmd=${1:-}
[ $# -ge 1 ] && shift
interactive=0 log= args= fault=
while getopts "il:a:f:t:x:" o; do
	case $o in
	i) interactive=1 ;;
	l) log=$OPTARG ;;
	a) args=$OPTARG ;;
	f) fault=$OPTARG ;;
	t) programs=$OPTARG ;;
	x) extra_programs+=("$OPTARG") ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || usage
case $cmd in
env)
	parse_cell "$1"
	boot_env
	;;
prepare)
	parse_cell "$1"
	prepare
	echo "$kdir"
	echo "$initrd"
	;;
boot)
	parse_cell "$1"
	prepare
	log=${log:-$build/boot/$variant-$ffa-$mode.log}
	while IFS= read -r setting; do
		export "${setting?}"
	done < <(boot_env)
	boot=("$top/tools/qemu-boot.sh" -l "$log")
	if [ "$interactive" -eq 1 ]; then
		boot+=(-i)
		args="ffa_stack.shell=1 $args"
	fi
	exec "${boot[@]}" -a "$args" "$kdir" "$initrd" "$mode"
	;;
*)
	usage
	;;
esac
