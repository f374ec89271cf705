# Checks over the whole tree that are not a component's own suite.

# checkpatch --strict over every kernel patch and module source.
TEST_CMDS += tools/checkpatch.py
# No source file over 800 lines, no C function over 80.
TEST_CMDS += tools/size-check.py

# Everything that must be freestanding links with nothing but itself: the
# codec, the SPMC core, the partitions and the client library (no libc).
FREESTANDING_CHECK = FS_CFLAGS='$(FS_CFLAGS)' CROSS='$(CROSS)' tools/freestanding-check.sh
TEST_CMDS += $(call testcmd,$(FREESTANDING_CHECK))

freestanding-check: | $(BUILD)/.deps-fw
	@$(FREESTANDING_CHECK)

# The guest-side fuzzer in QEMU (tools/fuzz-qemu.py): `make fuzz-qemu
# FUZZ_SECONDS=600 [FUZZ_SEED=S]` on ours/builtin/protected and
# stock/module/protected, build/fuzz-qemu.json; make test: a short fixed-seed
# run of ours/builtin/protected, and the corpus header up to date.
FUZZ_SECONDS ?= 60
FUZZ_SEED ?= 1
.PHONY: fuzz-qemu
fuzz-qemu: fw-debug
	tools/fuzz-qemu.py --seconds $(FUZZ_SECONDS) --seed $(FUZZ_SEED)
TEST_CMDS += $(call testcmd,tools/gen-fuzz-corpus.py --check)
TEST_CMDS += $(call testcmd,tools/fuzz-qemu.py --test --seconds 25 --seed 16 --cells ours/builtin/protected)
