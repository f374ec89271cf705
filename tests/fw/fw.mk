# Host unit tests of the firmware's platform-independent code (fw/common/):
# build/tests/fw-tests (FDT editor, device tree fix-ups, PSCI, SMC dispatch
# into the real SPMC core with the test partition, fw_cfg loader against a
# fake device, NS memory map, EL3 translation tables and QEMU virt's map), and build/tests/fw-dtb-fixup, which applies
# the firmware's device tree edits to QEMU's own DTB for tests/fw/dtc-check.sh.
FW_TEST_SRCS := $(wildcard tests/fw/test_*.c) tests/fw/fwtest.c
FW_TEST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(FW_TEST_SRCS))
FW_COMMON_HOST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(wildcard fw/common/*.c))
# QEMU virt's memory map is platform code without hardware access: the
# tests build the same map (test_xlat.c).
FW_TEST_OBJS += $(BUILD)/host/fw/qemu-virt/memmap.o

$(BUILD)/tests/fw-tests: $(FW_TEST_OBJS) $(FW_COMMON_HOST_OBJS) $(SPMC_HOST_OBJS) \
		$(FFA_LIB_HOST_OBJS) $(TEST_SP_HOST_OBJS) $(HARNESS_OBJ)
	@mkdir -p $(dir $@)
	$(HOST_CC) -o $@ $^ $(HOST_LDFLAGS)

$(BUILD)/tests/fw-dtb-fixup: $(BUILD)/host/tests/fw/dtb_fixup.o $(FW_COMMON_HOST_OBJS) \
		$(SPMC_HOST_OBJS) $(FFA_LIB_HOST_OBJS)
	@mkdir -p $(dir $@)
	$(HOST_CC) -o $@ $^ $(HOST_LDFLAGS)

# A tiny EL2 "kernel" that drives the firmware's SMC services and the PSCI
# life cycle of a secondary CPU in QEMU (see tests/fw/smoke/smoke.c).
FW_SMOKE := $(BUILD)/tests/fw-smoke.bin
FW_SMOKE_SRCS := tests/fw/smoke/start.S tests/fw/smoke/smoke.c
$(BUILD)/tests/fw-smoke.elf: $(FW_SMOKE_SRCS) tests/fw/smoke/smoke.ld | $(BUILD)/.deps-fw
	@mkdir -p $(dir $@)
	$(CROSS)gcc $(FS_CFLAGS) -mbranch-protection=none -fno-zero-initialized-in-bss \
		-static -no-pie -Wl,--build-id=none,--no-warn-rwx-segments -T tests/fw/smoke/smoke.ld -o $@ $(FW_SMOKE_SRCS)

$(FW_SMOKE): $(BUILD)/tests/fw-smoke.elf
	$(CROSS)objcopy -O binary $< $@

.PHONY: fw-tests
fw-tests: $(BUILD)/tests/fw-tests $(BUILD)/tests/fw-dtb-fixup $(FW_SMOKE)

ALL_TARGETS += $(BUILD)/tests/fw-tests $(BUILD)/tests/fw-dtb-fixup $(FW_SMOKE)
TEST_BINS += $(BUILD)/tests/fw-tests
TEST_CMDS += $(call testcmd,tests/fw/dtc-check.sh $(BUILD)/tests/fw-dtb-fixup)
