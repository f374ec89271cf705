#!/usr/bin/env bash
# Boots one cell with a TPM (swtpm behind QEMU's TIS, driven by the
# firmware) and checks the whole TPM path: the firmware measured the boot
# and published the service, Linux's FF-A bus lists the TPM partition,
# tpm_ffa registered /dev/tpm0, /tests/tpm-test read PCRs through it and
# replayed the firmware's event log from securityfs, and IMA's first entry
# is boot_aggregate (its digest matches the PCRs only where the TPM is there
# before IMA's late_initcall: FF-A and tpm_ffa built in and usable). Then
# boots again without a TPM device (negative): the firmware must say so on
# both consoles and Linux must boot without the service.
#   usage: tests/tpm/boot-tpm.sh <variant> <builtin|module> <protected|nvhe>
# Ends with "boot-tpm-<variant>-<ffa>-<mode>: N passed, M failed".
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
variant=${1:?usage: boot-tpm.sh <variant> <builtin|module> <protected|nvhe>}
ffa=${2:?}
mode=${3:?}
name=boot-tpm-$variant-$ffa-$mode
# shellcheck source=tools/check-lib.sh
. "$top/tools/check-lib.sh"
prepare_cell "$name" tpm-test "$variant/$ffa/$mode"
log=$top/build/boot/$name.log
FFA_STACK_NO_TPM=0 boot -l "$log" "$kdir" "$initrd" "$mode"
tpm_rc=$rc
nolog=$top/build/boot/$name-notpm.log
FFA_STACK_NO_TPM=1 boot -l "$nolog" "$kdir" "$initrd" "$mode"
norc=$rc rc=$tpm_rc
has() { grep -Eq "$1" "$log"; }
check "firmware measured the boot and serves the TPM" has '^fw: tpm: TIS at .* serves CRB over FF-A'
check "TPM partition on the arm_ffa bus" has 'ffa-stack: ffa-device .* uuid=17b862a4-1806-4faf-86b3-089a58353861'
check "tpm_ffa registered the chip" has 'tpm_ffa .*TPM 2\.0 over CRB over FF-A'
check "/dev/tpm0 answers PCR_Read" has '^ffa-stack: check tpm ok'
check "event log in securityfs replays to PCRs 0-7" has '^ffa-stack: check tpm-eventlog ok'
check "IMA's first entry is boot_aggregate" has '^ffa-stack: ima first boot_aggregate$'
# FF-A usable when IMA initialises: built in, and without pKVM's proxy or
# with the ours variant (pKVM adopts the built-in driver's FF-A state).
if grep -q '^CONFIG_FFA_STACK_TPM=y' "$kdir/config" && { [ "$mode" = nvhe ] || [ "$variant" = ours ]; }; then
	check "boot_aggregate equals the PCRs" has '^ffa-stack: check ima-boot-aggregate ok'
	check "no TPM-bypass" bash -c "! grep -q TPM-bypass '$log'"
fi
check "clean power-off (QEMU exit 0, got $rc)" test "$rc" -eq 0
negcheck "no TPM device: the firmware says so" grep -q '^fw: tpm: no tcg,tpm-tis-mmio device.*no TPM service' "$nolog"
negcheck "no TPM device: said on the secure UART too" grep -q 'fw: tpm: no tcg,tpm-tis-mmio device' "$nolog.secure"
negcheck "no TPM device: no TPM partition on the bus" bash -c "! grep -q 'uuid=17b862a4-1806-4faf-86b3-089a58353861' '$nolog'"
negcheck "no TPM device: tpm-test reports no /dev/tpm0" grep -q '^ffa-stack: check tpm fail open /dev/tpm0' "$nolog"
negcheck "no TPM device: Linux boots and powers off (exit $norc)" bash -c "grep -q '^ffa-stack: done' '$nolog' && [ $norc -eq 0 ]"
summary "$name"
