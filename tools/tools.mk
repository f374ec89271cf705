# Checks over the whole tree that are not a component's own suite.

# checkpatch --strict over every kernel patch and module source.
TEST_CMDS += tools/checkpatch.py

# Everything that must be freestanding links with nothing but itself: the
# codec, the SPMC core, the partitions and the client library (no libc).
FREESTANDING_CHECK = FS_CFLAGS='$(FS_CFLAGS)' CROSS='$(CROSS)' tools/freestanding-check.sh
TEST_CMDS += $(call testcmd,$(FREESTANDING_CHECK))

freestanding-check: | $(BUILD)/.deps-fw
	@$(FREESTANDING_CHECK)
