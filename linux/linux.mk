# Kernels, initramfs and booting the whole system in QEMU.
.PHONY: kernels demo run

kernels:
	tools/build-kernel.sh stock module
	tools/build-kernel.sh stock builtin

# Non-interactive: FF-A as a module under pKVM, then under plain nVHE KVM.
demo: fw
	@tools/boot-check.sh stock module protected
	@tools/boot-check.sh stock module nvhe

# The hosted session first (every FF-A call against the same SPMC core, in
# user space), then the real system with a shell on the console (`poweroff`
# ends it; Ctrl-A X quits QEMU). CELL=variant/ffa/mode picks the cell.
CELL ?= ours/builtin/protected
run: fw run-host
	@tools/cell.sh boot -i $(CELL)

TEST_CMDS += $(call testcmd,tools/boot-check.sh -q stock module protected)
TEST_CMDS += $(call testcmd,tools/boot-check.sh -q stock module nvhe)
# What `make run` gives, typed at on a pty: prompt, commands, poweroff.
TEST_CMDS += $(call testcmd,tools/shell-check.py ours/builtin/protected)

# The boot matrix (tools/matrix.py): every kernel variant x FF-A built-in or
# module x pKVM protected or nVHE, checked against tests/matrix/expected.json.
.PHONY: matrix
matrix: fw
	@tools/matrix.py

TEST_CMDS += tools/matrix.py
