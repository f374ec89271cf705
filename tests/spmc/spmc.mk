# SPMC conformance suite: build/tests/spmc-tests (the default capacities)
# and build/tests/spmc-caps-tests (the same core and fixture rebuilt with
# tiny/huge capacities to reach limits the default build cannot).
SPMC_TEST_SRCS := $(wildcard tests/spmc/*.c)
SPMC_TEST_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(SPMC_TEST_SRCS))

$(BUILD)/tests/spmc-tests: $(SPMC_TEST_OBJS) $(HOST_SIM_ALL_OBJS) $(HARNESS_OBJ)
	@mkdir -p $(dir $@)
	$(HOST_CC) -o $@ $^ $(HOST_LDFLAGS) -lpthread

SPMC_CAPS_DEFS := -DSPMC_MAX_PARTITIONS=200 -DSPMC_MAX_TXNS=4 -DSPMC_RANGE_POOL=16 \
	-DSPMC_DESC_MAX=8192
SPMC_CAPS_SRCS := $(SPMC_SRCS) $(HOST_SIM_SRCS) $(TEST_SP_SRCS) tests/spmc/tsim.c \
	$(wildcard tests/spmc/caps/*.c)
SPMC_CAPS_OBJS := $(patsubst %.c,$(BUILD)/host-caps/%.o,$(SPMC_CAPS_SRCS))

$(BUILD)/host-caps/%.o: %.c | $(BUILD)/.deps-host
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) $(SPMC_CAPS_DEFS) -MMD -MP -c $< -o $@

$(BUILD)/tests/spmc-caps-tests: $(SPMC_CAPS_OBJS) $(FFA_LIB_HOST_OBJS) $(HARNESS_OBJ)
	@mkdir -p $(dir $@)
	$(HOST_CC) -o $@ $^ $(HOST_LDFLAGS) -lpthread

.PHONY: spmc-tests
spmc-tests: $(BUILD)/tests/spmc-tests $(BUILD)/tests/spmc-caps-tests

ALL_TARGETS += $(BUILD)/tests/spmc-tests $(BUILD)/tests/spmc-caps-tests
TEST_BINS += $(BUILD)/tests/spmc-tests $(BUILD)/tests/spmc-caps-tests
