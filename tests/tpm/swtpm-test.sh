#!/usr/bin/env bash
# Runs build/tests/tpm-swtpm-tests against a fresh swtpm (TPM 2.0) whose
# state lives under build/ and is thrown away afterwards. swtpm comes from
# tools/setup.sh's qemu group (installed if missing).
#   usage: tests/tpm/swtpm-test.sh <tpm-swtpm-tests binary>
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:?usage: swtpm-test.sh <tpm-swtpm-tests binary>}
"$top/tools/setup.sh" qemu
dir=$(mktemp -d "$top/build/swtpm-test.XXXXXX")
pid=
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT
swtpm socket --tpm2 --tpmstate "dir=$dir" --flags not-need-init \
	--server "type=unixio,path=$dir/sock" --ctrl "type=unixio,path=$dir/ctrl" \
	>"$dir/swtpm.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
	[ -S "$dir/sock" ] && break
	sleep 0.05
done
[ -S "$dir/sock" ] || { echo "swtpm-test: swtpm did not start:"; cat "$dir/swtpm.log"; exit 1; }
TPM_SWTPM_SOCK=$dir/sock "$bin"
