# TPM service suites: build/tests/tpm-tests (CRB state machine, partition
# framing, TIS driver on a device model, SHA-256, measured boot, all over a
# fake TPM) and build/tests/tpm-swtpm-tests (the same CRB code and measured
# boot against a real TPM 2.0: swtpm over its socket, started by
# tests/tpm/swtpm-test.sh).
TPM_TEST_COMMON := tests/tpm/faketpm.c tests/tpm/tcrb.c tests/tpm/replay.c
TPM_TEST_SRCS := $(wildcard tests/tpm/test_*.c) $(TPM_TEST_COMMON)
TPM_TEST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(TPM_TEST_SRCS))
TPM_SWTPM_SRCS := $(wildcard tests/tpm/swtpm/*.c) tests/tpm/replay.c
TPM_SWTPM_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(TPM_SWTPM_SRCS))

$(BUILD)/tests/tpm-tests: $(TPM_TEST_OBJS) $(TPM_SP_HOST_OBJS) $(SPMC_HOST_OBJS) $(FFA_LIB_HOST_OBJS) \
		$(HARNESS_OBJ)
	@mkdir -p $(dir $@)
	$(HOST_CC) -o $@ $^ $(HOST_LDFLAGS)

# The TPM partition logs refusals through the SPMC core (SPMC_REFUSE).
$(BUILD)/tests/tpm-swtpm-tests: $(TPM_SWTPM_OBJS) $(TPM_SP_HOST_OBJS) $(SPMC_HOST_OBJS) \
		$(FFA_LIB_HOST_OBJS) $(HARNESS_OBJ)
	@mkdir -p $(dir $@)
	$(HOST_CC) -o $@ $^ $(HOST_LDFLAGS)

.PHONY: tpm-tests
tpm-tests: $(BUILD)/tests/tpm-tests $(BUILD)/tests/tpm-swtpm-tests

ALL_TARGETS += $(BUILD)/tests/tpm-tests $(BUILD)/tests/tpm-swtpm-tests
TEST_BINS += $(BUILD)/tests/tpm-tests
TEST_CMDS += $(call testcmd,tests/tpm/swtpm-test.sh $(BUILD)/tests/tpm-swtpm-tests)
# The whole TPM path in QEMU: FF-A as a module under pKVM, and the issue's
# acceptance cell (ours, FF-A and tpm_ffa built in, protected), where IMA's
# boot_aggregate must equal the PCRs the firmware extended.
TEST_CMDS += $(call testcmd,tests/tpm/boot-tpm.sh stock module protected)
TEST_CMDS += $(call testcmd,tests/tpm/boot-tpm.sh ours builtin protected)
