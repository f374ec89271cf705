# uefivar suites: build/tests/uefivar-powercut (store crash consistency,
# prints "power-cut: N cut points, failures F") and build/tests/uefivar-tests
# (MM parser and variable semantics over the hosted store).
# The SPMC core: the partition logs refusals through it (SPMC_REFUSE).
UV_TEST_COMMON := $(BUILD)/host/tests/uefivar/uvtest.o $(UVFLASH_HOST_OBJS) \
	$(UEFIVAR_HOST_OBJS) $(SPMC_HOST_OBJS) $(FFA_LIB_HOST_OBJS) $(HARNESS_OBJ)
UV_PC_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,tests/uefivar/powercut.c tests/uefivar/test_store.c)

$(BUILD)/tests/uefivar-powercut: $(UV_PC_OBJS) $(UV_TEST_COMMON)
	@mkdir -p $(dir $@)
	$(HOST_CC) -o $@ $^ $(HOST_LDFLAGS)

ALL_TARGETS += $(BUILD)/tests/uefivar-powercut
TEST_BINS += $(BUILD)/tests/uefivar-powercut

UV_MM_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,tests/uefivar/mmfix.c tests/uefivar/test_mm.c \
	tests/uefivar/test_vars.c)

$(BUILD)/tests/uefivar-tests: $(UV_MM_OBJS) $(UV_TEST_COMMON)
	@mkdir -p $(dir $@)
	$(HOST_CC) -o $@ $^ $(HOST_LDFLAGS)

ALL_TARGETS += $(BUILD)/tests/uefivar-tests
TEST_BINS += $(BUILD)/tests/uefivar-tests

# QEMU: a variable written from Linux survives a reboot on the same flash
# file, and EXIT_BOOT_SERVICE hides boot-service-only variables (two boots).
TEST_CMDS += $(call testcmd,tests/uefivar/qemu-persist.sh)
