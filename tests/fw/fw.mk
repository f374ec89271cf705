# Host unit tests of the firmware's platform-independent code (fw/common/):
# build/tests/fw-tests (FDT editor, device tree fix-ups, PSCI, SMC dispatch
# into the real SPMC core with the test partition, fw_cfg loader against a
# fake device, NS memory map), and build/tests/fw-dtb-fixup, which applies
# the firmware's device tree edits to QEMU's own DTB for tests/fw/dtc-check.sh.
FW_TEST_SRCS := $(wildcard tests/fw/test_*.c) tests/fw/fwtest.c
FW_TEST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(FW_TEST_SRCS))
FW_COMMON_HOST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(wildcard fw/common/*.c))

$(BUILD)/tests/fw-tests: $(FW_TEST_OBJS) $(FW_COMMON_HOST_OBJS) $(SPMC_HOST_OBJS) \
		$(FFA_LIB_HOST_OBJS) $(TEST_SP_HOST_OBJS) $(HARNESS_OBJ)
	@mkdir -p $(dir $@)
	$(HOST_CC) -o $@ $^ $(HOST_LDFLAGS)

$(BUILD)/tests/fw-dtb-fixup: $(BUILD)/host/tests/fw/dtb_fixup.o $(FW_COMMON_HOST_OBJS) \
		$(SPMC_HOST_OBJS) $(FFA_LIB_HOST_OBJS)
	@mkdir -p $(dir $@)
	$(HOST_CC) -o $@ $^ $(HOST_LDFLAGS)

.PHONY: fw-tests
fw-tests: $(BUILD)/tests/fw-tests $(BUILD)/tests/fw-dtb-fixup

ALL_TARGETS += $(BUILD)/tests/fw-tests $(BUILD)/tests/fw-dtb-fixup
TEST_BINS += $(BUILD)/tests/fw-tests
TEST_CMDS += $(call testcmd,tests/fw/dtc-check.sh $(BUILD)/tests/fw-dtb-fixup)
