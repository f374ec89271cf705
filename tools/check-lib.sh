# shellcheck shell=bash
# shellcheck disable=SC2034 # kdir, initrd and rc are for the sourcing script
# Sourced (not run) by the scripts that boot a cell or inspect firmware output
# and check what they see: tools/boot-check.sh, tests/tpm/boot-tpm.sh,
# tests/fw/dtc-check.sh, tests/uefivar/qemu-persist.sh. It keeps the counts and
# prints the lines tools/run-tests.sh adds up. The sourcing script sets `top`
# (the repository) first.
: "${top:?check-lib.sh: set top before sourcing it}"
pass=0 fail=0 neg=0

# check WHAT COMMAND...: one "ok"/"FAIL" line; COMMAND succeeds when WHAT holds.
check() {
	local what=$1
	shift
	if "$@" >/dev/null 2>&1; then
		pass=$((pass + 1)); echo "   ok   $what"
	else
		fail=$((fail + 1)); echo "   FAIL $what"
	fi
}

# negcheck WHAT COMMAND...: a check of a refusal or an absence (a negative test).
negcheck() { neg=$((neg + 1)); check "$@"; }

# prepare_cell NAME PROGRAMS CELL: builds what CELL boots with the /tests
# PROGRAMS and sets kdir and initrd; when it cannot, prints NAME's failed
# summary and exits.
prepare_cell() {
	local name=$1 programs=$2 cell=$3
	{ read -r kdir; read -r initrd; } < <("$top/tools/cell.sh" prepare -t "$programs" "$cell" | tail -n 2)
	if [ -z "${initrd:-}" ]; then
		echo "$name: could not prepare the cell $cell (see above)"
		echo "$name: 0 passed, 1 failed"
		exit 1
	fi
}

# boot ARGS...: tools/qemu-boot.sh ARGS, its exit status in rc (not an error:
# the checks judge it).
boot() {
	set +e
	"$top/tools/qemu-boot.sh" "$@"
	rc=$?
	set -e
}

# summary NAME: the line run-tests.sh reads; fails when a check failed.
summary() {
	if [ "$neg" -gt 0 ]; then
		echo "$1: $pass passed, $fail failed, $neg negative"
	else
		echo "$1: $pass passed, $fail failed"
	fi
	[ "$fail" -eq 0 ]
}
